using AccountabilityBot.Core.Commitments;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Cadence.Posts;

/// <summary>
/// Owners of commitments due within two days, due today or overdue get a DM in their own morning: one per commitment
/// per local day, none on their days away, none once they have updated it that day; inside their quiet hours it waits.
/// </summary>
public sealed class NudgePosts(AppDbContext db, TimeProvider clock, BotSettings settings)
{
    public const string Kind = CadenceKinds.Nudges;
    const int DueWithinDays = 2;

    public async Task<IReadOnlyList<PlannedPost>> PlanAsync(CadenceSetting setting, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var teamZone = await TeamZone.FindAsync(db, settings, ct);
        var days = CadenceSchedule.ParseDays(setting.Days).ToHashSet();
        var horizon = DateOnly.FromDateTime(now).AddDays(DueWithinDays + 1); // generous; each owner's own today decides below
        var open = await db.Commitments.Include(c => c.Owner).Include(c => c.Updates)
            .Where(c => (c.Status == CommitmentStatus.OnTrack || c.Status == CommitmentStatus.AtRisk || c.Status == CommitmentStatus.Blocked)
                && c.DueOn <= horizon)
            .OrderBy(c => c.Id).ToListAsync(ct);

        var posts = new List<PlannedPost>();
        foreach (var c in open)
        {
            var zone = Availability.ZoneOf(c.Owner, teamZone);
            if (LocalMorning.Current(zone, setting.LocalTime, now, days) is not { } morning || c.Owner.IsAwayOn(morning.LocalDate)) continue;
            if (c.DueOn > morning.LocalDate.AddDays(DueWithinDays)) continue;
            var localMidnight = CadenceSchedule.ToUtc(morning.LocalDate.ToDateTime(TimeOnly.MinValue), zone);
            if (c.Updates.Any(u => u.At >= localMidnight)) continue; // already answered today
            posts.Add(new PlannedPost(OutboxPost.ToMember(c.Owner, teamZone, $"{Kind}:{c.Id}:{morning.LocalDate:yyyy-MM-dd}", Kind, now, morning.NotAfter),
                _ => Task.FromResult(Compose(c, morning.LocalDate))));
        }
        return posts;
    }

    public static ChatMessage Compose(Commitment c, DateOnly today)
    {
        var reference = Refs.Of(Refs.Commitment, c.Id);
        var when = (c.DueOn.DayNumber - today.DayNumber) switch
        {
            < 0 => $"was due {Format.Date(c.DueOn)} — {Format.Count(c.DaysOverdue(today), "day")} overdue",
            0 => "is due today",
            1 => "is due tomorrow",
            var n => $"is due in {n} days",
        };
        return new ChatMessage([
            new TextBlock(RichText.Of(new TextSpan($"{reference} ", Bold: true), new TextSpan(c.Title))),
            new ContextBlock($"It {when}. How is it going?"),
            new ActionsBlock([
                .. CommitHandler.StatusButtons(reference),
                new ActionButton("Add a note", $"update {reference} {EscalationPosts.StatusWord(c.Status)} \"{ActionButton.AnswerSlot}\"",
                    AskFor: $"What's the latest on {reference}?"),
            ]),
        ]);
    }
}
