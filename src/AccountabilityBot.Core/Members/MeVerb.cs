using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;

namespace AccountabilityBot.Core.Members;

/// <summary>Quiet hours in the member's own zone; <see cref="Off"/> (no times) clears them.</summary>
public sealed record QuietHours(TimeOnly? From, TimeOnly? Until)
{
    public static readonly QuietHours Off = new(null, null);
}

/// <summary>
/// <c>me tz:Europe/Paris</c>, <c>me away</c>, <c>me away from:dec 20 until:jan 3</c>, <c>me back</c>, <c>me quiet 19:00-08:00</c>,
/// <c>me quiet off</c>; <c>me</c> shows the speaker's settings. <paramref name="AwayUntil"/> is the day they are back.
/// </summary>
public sealed record MeCommand(string? TimeZone, bool? Away, DateOnly? AwayFrom = null, DateOnly? AwayUntil = null, QuietHours? Quiet = null)
    : ChatCommand;

internal static class MeVerb
{
    public static Verb Verb { get; } = new("me",
        "me\nme tz:ZONE\nme away [from:DATE] [until:DATE]\nme back\nme quiet 19:00-08:00\nme quiet off", "me away until:dec 28",
        "Show or change your own settings: your time zone, time away (until: is the day you're back) and quiet hours.",
        Parse, [CommandRoute.For<MeCommand, MeHandler>(Role.Frontline)]);

    static MeCommand Parse(CommandInput input)
    {
        var args = input.Read("tz", "from", "until");
        bool? away = null;
        QuietHours? quiet = null;
        var rest = args.Rest;
        for (var i = 0; i < rest.Count; i++)
        {
            var word = rest[i];
            if (word.Lower == "quiet")
            {
                if (quiet is not null) throw new ParseFailure("You gave quiet twice; keep just one.");
                (quiet, var used) = ReadQuiet(rest.Skip(i + 1).Select(t => t.Text).ToList());
                i += used;
                continue;
            }
            var setting = word.Lower switch { "away" => true, "back" => false, _ => (bool?)null }
                ?? throw new ParseFailure($"me takes tz:ZONE, away, back or quiet; I didn't expect '{DidYouMean.Echo(word.Text)}'.");
            if (away is not null) throw new ParseFailure("Say either `me away` or `me back`, not both.");
            away = setting;
        }
        var (from, until) = (args.FutureDate("from", "from:"), args.FutureDate("until", "until:"));
        if (from is not null || until is not null)
        {
            if (away != true) throw new ParseFailure("Dates go with away: `me away from:dec 20 until:jan 3` (until: is the day you're back).");
            if (until is { } back && back <= (from ?? input.Today))
                throw new ParseFailure(from is { } start
                    ? $"until: {Format.Date(back)} must come after from: {Format.Date(start)}; it is the day you're back."
                    : $"until: is the day you're back, so it must be after today ({Format.Date(input.Today)}).");
        }
        return new MeCommand(args.Zone("tz"), away, from, until, quiet);
    }

    /// <summary>"off", "19:00-08:00", "7pm-8am", "19:00 - 08:00" or "19:00 to 08:00"; the hours and how many words they took.</summary>
    static (QuietHours Hours, int Used) ReadQuiet(IReadOnlyList<string> words)
    {
        const string Hint = "like `me quiet 19:00-08:00` (your time; DMs due then wait until it ends) or `me quiet off`";
        if (words.Count == 0) throw new ParseFailure($"Which quiet hours? Give a start and an end, {Hint}.");
        if (words[0].Equals("off", StringComparison.OrdinalIgnoreCase)) return (QuietHours.Off, 1);
        var (text, used) = words.Count >= 3 && words[1] is "-" or "to" ? ($"{words[0]}-{words[2]}", 3) : (words[0], 1);
        var parts = text.Split('-');
        var from = Time(parts[0]);
        if (parts.Length != 2 || parts[1].Length == 0)
            throw new ParseFailure($"Quiet hours need an end as well as a start, {Hint}.");
        var until = Time(parts[1]);
        if (from == until) throw new ParseFailure($"Quiet hours from {parts[0]} to {parts[1]} would be no time at all; {Hint}.");
        return (new QuietHours(from, until), used);

        static TimeOnly Time(string word) => ClockWords.ReadTime(word, out var problem)
            ?? throw new ParseFailure(problem is null ? $"'{DidYouMean.Echo(word)}' isn't a time; {Hint}." : $"{problem}.");
    }
}

/// <summary>A member's own settings: time zone (for due dates and nudges), time away and quiet hours.</summary>
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
        if (command.Away is { } away) (me.AwayFrom, me.AwayUntil) = away ? (command.AwayFrom ?? ctx.Today, command.AwayUntil) : default((DateOnly?, DateOnly?));
        if (command.Quiet is { } quiet) (me.QuietFrom, me.QuietUntil) = (quiet.From, quiet.Until);
        if (command is not { TimeZone: null, Away: null, Quiet: null })
        {
            db.Audit(ctx, "member.settings", me.PlatformUserId,
                $"tz={me.TimeZone} away={me.AwayFrom:yyyy-MM-dd}..{me.AwayUntil:yyyy-MM-dd} quiet={me.QuietFrom:HH:mm}-{me.QuietUntil:HH:mm}");
            await db.SaveChangesAsync(ct);
        }
        return new ChatMessage([
            new FieldsBlock([
                new Field("You", RichText.Of(MentionSpan.Of(me))),
                new Field("Role", Replies.RoleName(me.Role)),
                new Field("Time zone", me.TimeZone ?? $"{ctx.TimeZone.Id} (the team's)"),
                new Field("Status", Status(me, ctx)),
                new Field("Quiet hours", me is { QuietFrom: { } from, QuietUntil: { } until }
                    ? $"{from:HH:mm}–{until:HH:mm} your time: any DM due then (never an answer to you) waits until {until:HH:mm}"
                    : "none (`me quiet 19:00-08:00` to set them)"),
            ]),
        ]);
    }

    /// <summary>"until:" is the day they are back, so the reply names the last day away too: nobody has to guess.</summary>
    static string Status(Member me, CommandContext ctx)
    {
        if (Availability.AwayNote(me, ctx.UtcNow, ctx.TimeZone) is null) return "here";
        var today = Availability.LocalDate(me, ctx.UtcNow, ctx.TimeZone);
        var span = me.AwayUntil is { } back
            ? $"through {Format.Date(back.AddDays(-1))}; back on {Format.Date(back)} by itself"
            : "until you say `me back`";
        return me.AwayFrom > today ? $"here; away from {Format.Date(me.AwayFrom.Value)} {span}" : $"away: no nudges or prompts {span}";
    }
}
