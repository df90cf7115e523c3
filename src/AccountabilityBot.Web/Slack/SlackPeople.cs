using System.Collections.Concurrent;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Slack;

/// <summary>Slack users asked about already in this process, so users.info is called once per person, not per command.</summary>
public sealed class SlackProfilesSeen
{
    readonly ConcurrentDictionary<string, bool> seen = new();
    public bool FirstTime(string userId) => seen.TryAdd(userId, true);

    /// <summary>Asked about already: lets the hot path skip building the services that would ask.</summary>
    public bool Seen(string userId) => seen.ContainsKey(userId);
}

/// <summary>
/// Gives Slack members their name, email and IANA time zone from users.info: a new speaker before the core enrols
/// them, and a member first enrolled from someone else's @-mention (known only by id and handle) when they first speak.
/// </summary>
public sealed class SlackPeople(AppDbContext db, SlackWebApi api, SlackProfilesSeen seen, ILogger<SlackPeople> log)
{
    public async Task<InboundCommand> DescribeAsync(InboundCommand inbound, CancellationToken ct)
    {
        // Once per person per process: after that the member is stored with whatever Slack could tell.
        if (!seen.FirstTime(inbound.UserId)) return inbound;
        var member = await db.Members.SingleOrDefaultAsync(m => m.Platform == ChatPlatform.Slack && m.PlatformUserId == inbound.UserId, ct);
        if (member is { Email: not null } or { TimeZone: not null }) return inbound;
        SlackUser user;
        try
        {
            user = await api.UserInfoAsync(inbound.UserId, ct);
        }
        catch (ChatDeliveryException ex)
        {
            // The command still counts; the member keeps the name the payload gave and the team's zone.
            log.LogWarning("users.info for {User} failed ({Error}); using the payload's name", inbound.UserId, ex.PlatformError);
            return inbound;
        }
        if (member is null) return inbound with { UserName = user.Name, UserEmail = user.Email, UserTimeZone = user.TimeZone };
        member.DisplayName = user.Name;
        member.Email = user.Email;
        member.TimeZone = Clock.FindZone(user.TimeZone)?.Id;
        await db.SaveChangesAsync(ct);
        return inbound;
    }
}
