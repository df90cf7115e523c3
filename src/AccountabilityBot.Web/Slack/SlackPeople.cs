using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Slack;

/// <summary>Fills in a new Slack speaker's name, email and IANA time zone from users.info before the core enrols them.</summary>
public sealed class SlackPeople(AppDbContext db, SlackWebApi api, ILogger<SlackPeople> log)
{
    public async Task<InboundCommand> DescribeAsync(InboundCommand inbound, CancellationToken ct)
    {
        if (await db.Members.AnyAsync(m => m.Platform == ChatPlatform.Slack && m.PlatformUserId == inbound.UserId, ct)) return inbound;
        try
        {
            var user = await api.UserInfoAsync(inbound.UserId, ct);
            return inbound with { UserName = user.Name, UserEmail = user.Email, UserTimeZone = user.TimeZone };
        }
        catch (ChatDeliveryException ex)
        {
            // The command still counts; the member starts with the name the payload gave and the team's zone.
            log.LogWarning("users.info for {User} failed ({Error}); enrolling with the payload's name", inbound.UserId, ex.PlatformError);
            return inbound;
        }
    }
}
