using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.Members;

/// <summary>A member's own settings: time zone (for due dates and nudges) and away.</summary>
public sealed class MeHandler(AppDbContext db) : ICommandHandler<MeCommand>
{
    public async Task<ChatMessage> HandleAsync(MeCommand command, CommandContext ctx, CancellationToken ct)
    {
        var me = ctx.Speaker;
        if (command.TimeZone is { } zone)
        {
            if (Clock.FindZone(zone) is null)
                throw new CommandRejectedException($"I don't know the time zone '{zone}'; use an IANA name like Europe/Paris.");
            me.TimeZone = zone;
        }
        if (command.Away is { } away) me.IsAway = away;
        if (command.TimeZone is not null || command.Away is not null)
        {
            db.Audit(ctx, "member.settings", me.PlatformUserId, $"tz={me.TimeZone} away={me.IsAway}");
            await db.SaveChangesAsync(ct);
        }
        return new ChatMessage([
            new FieldsBlock([
                new Field("You", RichText.Of(MentionSpan.Of(me))),
                new Field("Role", Replies.RoleName(me.Role)),
                new Field("Time zone", me.TimeZone ?? $"{ctx.TimeZone.Id} (the team's)"),
                new Field("Status", me.IsAway ? "away — no nudges until you say `me back`" : "here"),
            ]),
        ]);
    }
}
