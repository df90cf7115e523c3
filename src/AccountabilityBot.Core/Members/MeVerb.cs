using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.Members;

/// <summary><c>me tz:Europe/Paris</c>, <c>me away</c>, <c>me back</c>; <c>me</c> shows the speaker's settings.</summary>
public sealed record MeCommand(string? TimeZone, bool? Away) : ChatCommand;

internal static class MeVerb
{
    public static Verb Verb { get; } = new("me", "me\nme tz:ZONE\nme away\nme back", "me tz:Europe/Paris",
        "Show or change your own settings.",
        Parse, [CommandRoute.For<MeCommand, MeHandler>(Role.Frontline)]);

    static MeCommand Parse(CommandInput input)
    {
        var args = input.Read("tz");
        bool? away = null;
        foreach (var word in args.Rest)
        {
            var setting = word.Lower switch { "away" => true, "back" => false, _ => (bool?)null }
                ?? throw new ParseFailure($"me takes tz:ZONE, away or back; I didn't expect '{DidYouMean.Echo(word.Text)}'.");
            if (away is not null) throw new ParseFailure("Say either `me away` or `me back`, not both.");
            away = setting;
        }
        return new MeCommand(args.Zone("tz"), away);
    }
}

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
