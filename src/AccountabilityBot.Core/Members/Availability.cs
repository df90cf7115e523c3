using AccountabilityBot.Core.Cadence;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Members;

/// <summary>
/// Whether a member can be reached, decided here and nowhere else. Away is a span of days on the member's own calendar:
/// from <see cref="Member.AwayFrom"/> (a day away) up to <see cref="Member.AwayUntil"/> (the day they are back, not a day
/// away: "until dec 28" means back from the start of Dec 28 in their zone). Quiet hours are times in their own zone.
/// </summary>
public static class Availability
{
    /// <summary>The member's own zone, else the team's.</summary>
    public static TimeZoneInfo ZoneOf(Member member, TimeZoneInfo teamZone) => Clock.FindZone(member.TimeZone) ?? teamZone;

    /// <summary>The day it is for the member at <paramref name="utc"/>.</summary>
    public static DateOnly LocalDate(Member member, DateTime utc, TimeZoneInfo teamZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, ZoneOf(member, teamZone)));

    /// <summary>Away on this day of the member's own calendar.</summary>
    public static bool IsAwayOn(this Member member, DateOnly localDate) =>
        member.AwayFrom is { } from && from <= localDate && (member.AwayUntil is not { } until || localDate < until);

    /// <summary>Away at this instant, judged by the day it is for the member then.</summary>
    public static bool IsAwayAt(this Member member, DateTime utc, TimeZoneInfo teamZone) => member.IsAwayOn(LocalDate(member, utc, teamZone));

    /// <summary>The members away at <paramref name="utc"/>, by id, each with the day they are back (null: until `me back`).</summary>
    public static async Task<IReadOnlyDictionary<int, DateOnly?>> AwayAtAsync(AppDbContext db, DateTime utc, TimeZoneInfo teamZone,
        CancellationToken ct) =>
        (await db.Members.AsNoTracking().Where(m => m.AwayFrom != null).ToListAsync(ct))
            .Where(m => m.IsAwayAt(utc, teamZone)).ToDictionary(m => m.Id, m => m.AwayUntil);

    /// <summary>
    /// When a DM meant for <paramref name="utc"/> may arrive: then, or, inside the member's quiet hours, at their end in
    /// the member's zone (a time skipped by a change to summer time moves past the gap).
    /// </summary>
    public static DateTime QuietUntil(Member member, DateTime utc, TimeZoneInfo teamZone)
    {
        if (member is not { QuietFrom: { } from, QuietUntil: { } until }) return utc;
        var zone = ZoneOf(member, teamZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var time = TimeOnly.FromDateTime(local);
        var quiet = from < until ? time >= from && time < until : time >= from || time < until;
        if (!quiet) return utc;
        var endsOn = DateOnly.FromDateTime(local).AddDays(time >= until ? 1 : 0); // 19:00–08:00 at 22:00 ends tomorrow
        return CadenceSchedule.ToUtc(endsOn.ToDateTime(until), zone);
    }

    /// <summary>"owner away until Mon 28 Dec 2026" (the day they are back), or "owner away" until they say `me back`.</summary>
    public static string OwnerAwayNote(DateOnly? back) => back is { } day ? $"owner away until {Format.Date(day)}" : "owner away";

    /// <summary>
    /// A DM meant for <paramref name="utc"/>, held to the end of the member's quiet hours if they are on then. Its deadline
    /// moves with it, so it is stale only as long after the hold as it would have been after <paramref name="utc"/>.
    /// </summary>
    public static (DateTime At, DateTime? NotAfter) QuietHold(Member member, DateTime utc, DateTime? notAfter, TimeZoneInfo teamZone)
    {
        var at = QuietUntil(member, utc, teamZone);
        return (at, notAfter + (at - utc));
    }

    /// <summary>
    /// For a member away at <paramref name="utc"/>: the start of the day they are back, in their zone; with no day set (away
    /// until `me back`), the start of their next day, when it is worth looking again.
    /// </summary>
    public static DateTime BackOrNextDay(Member member, DateTime utc, TimeZoneInfo teamZone) =>
        CadenceSchedule.ToUtc((member.AwayUntil ?? LocalDate(member, utc, teamZone).AddDays(1)).ToDateTime(TimeOnly.MinValue), ZoneOf(member, teamZone));

    /// <summary>
    /// "away", "away until Mon 28 Dec 2026" or, planned, "away from Sun 20 Dec 2026 until Sun 3 Jan 2027", as of
    /// <paramref name="utc"/>; null when the member is not away then nor later.
    /// </summary>
    public static string? AwayNote(Member member, DateTime utc, TimeZoneInfo teamZone)
    {
        var today = LocalDate(member, utc, teamZone);
        if (member.AwayFrom is not { } start || member.AwayUntil <= today) return null;
        var back = member.AwayUntil is { } until ? $" until {Format.Date(until)}" : "";
        return start > today ? $"away from {Format.Date(start)}{back}" : $"away{back}";
    }
}
