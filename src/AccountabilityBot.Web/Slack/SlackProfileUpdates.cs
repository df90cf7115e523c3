using System.Text.Json;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// Slack's user_change event (someone edited their profile, or moved to another time zone): a member's stored name,
/// email and zone follow it, so dates and nudges use where they are now. People who are not members are left alone;
/// their profile is read when they first speak.
/// </summary>
public sealed class SlackProfileUpdates(AppDbContext db, ILogger<SlackProfileUpdates> log)
{
    public const string EventType = "user_change";

    /// <param name="ev">The event object of the envelope (its `user` is the full user object, as users.info gives it).</param>
    public async Task ApplyAsync(JsonElement ev, CancellationToken ct)
    {
        if (ev.Obj("user") is not { } user || SlackUser.From(user) is not { IsBot: false } profile) return;
        var member = await db.Members.SingleOrDefaultAsync(m => m.Platform == ChatPlatform.Slack && m.PlatformUserId == profile.Id, ct);
        if (member is null || !new MemberProfile(profile.Name, profile.Email, profile.TimeZone, Current: true).ApplyTo(member)) return;
        await db.SaveChangesAsync(ct);
        log.LogInformation("Slack profile of member {Member} updated from user_change", member.Id);
    }
}
