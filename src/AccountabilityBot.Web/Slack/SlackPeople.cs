using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// Gives a Slack command its speaker's name, email and IANA time zone from users.info, so the core enrols a new member
/// with them, or repairs a member stored without them (first enrolled from someone's @-mention, or when Slack could
/// not be asked). users.info is asked once per person per process, however many of their commands arrive together;
/// a member whose profile is complete is not asked about at all. Later changes come from the user_change event.
/// </summary>
public sealed class SlackPeople(IServiceScopeFactory scopes, ProfileLookups<SlackUser> lookups)
{
    public async Task<InboundCommand> DescribeAsync(InboundCommand inbound, CancellationToken ct)
    {
        var (user, current) = await lookups.GetAsync(inbound.UserId, () => LookUpAsync(inbound.UserId), ct);
        return user is null ? inbound
            : inbound with { UserName = user.Name, UserEmail = user.Email, UserTimeZone = user.TimeZone, ProfileIsCurrent = current };
    }

    async Task<SlackUser?> LookUpAsync(string userId)
    {
        // A scope of its own: every command waiting for this lookup uses its answer, whichever of them started it.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var complete = await db.Members.AnyAsync(m => m.Platform == ChatPlatform.Slack && m.PlatformUserId == userId
            && m.Email != null && m.TimeZone != null && m.DisplayName != userId);
        return complete ? null : await scope.ServiceProvider.GetRequiredService<SlackWebApi>().UserInfoAsync(userId, CancellationToken.None);
    }
}
