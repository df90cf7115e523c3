using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// Teams does not put the email in activities, so a member without one is looked up in the Connector (email or UPN),
/// once per person per process, however many of their activities arrive together. The name and time zone come with
/// every activity (see <see cref="TeamsInbound.Command"/>). The lookup is brief and optional: a slow or failing
/// Connector never delays the answer past a couple of seconds, and the member is stored without an email until a
/// later lookup finds it.
/// </summary>
public sealed class TeamsPeople(IServiceScopeFactory scopes, ConnectorClient connector, ProfileLookups<TeamsMemberProfile> lookups)
{
    static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(2);

    public async Task<InboundCommand> WithProfileAsync(Activity a, InboundCommand command, CancellationToken ct)
    {
        if (a.ServiceUrl is not { Length: > 0 } serviceUrl) return command;
        var conversationId = a.Conversation!.Id!;
        var (profile, _) = await lookups.GetAsync(command.UserId, () => LookUpAsync(serviceUrl, conversationId, command.UserId), ct);
        return profile is null ? command : command with
        {
            UserEmail = profile.Email ?? profile.UserPrincipalName,
            UserName = command.UserName ?? profile.Name,
        };
    }

    async Task<TeamsMemberProfile?> LookUpAsync(string serviceUrl, string conversationId, string userId)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await db.Members.AnyAsync(m => m.Platform == ChatPlatform.Teams && m.PlatformUserId == userId && m.Email != null)) return null;
        }
        using var budget = new CancellationTokenSource(LookupBudget);
        return await connector.GetMemberAsync(serviceUrl, conversationId, userId, budget.Token);
    }
}
