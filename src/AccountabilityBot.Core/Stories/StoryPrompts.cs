using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Stories;

/// <summary>
/// Asks the account owner of a recently lost customer, by direct message, for the story of why they left, when nobody
/// has told it yet. Each loss is asked about once (the outbox key is the event), most valuable first.
/// </summary>
public sealed class StoryPrompts(AppDbContext db, Outbox outbox, TimeProvider clock, BotSettings settings)
{
    /// <summary>Losses older than this are not asked about: memories fade, and the review has moved on.</summary>
    public const int WindowDays = 30;
    public const int MaxPerRun = 25;
    public const string Kind = "story-prompt";

    public static string Key(int eventId) => Kind + ":" + Refs.Of(Refs.Event, eventId);

    /// <returns>How many owners were asked in this run.</returns>
    public async Task<int> SendAsync(CancellationToken ct)
    {
        var now = clock.UtcNow();
        var since = DateOnly.FromDateTime(now).AddDays(-WindowDays);
        var teamZone = await TeamZone.FindAsync(db, settings, ct);
        var away = (await Availability.AwayAtAsync(db, now, teamZone, ct)).Keys.ToList();
        var waiting = await db.CustomerEvents.AsNoTracking()
            .Where(e => e.Kind == CustomerEventKind.Lost && e.OccurredOn >= since && e.Story == null
                && e.Customer.AccountOwnerId != null && !away.Contains(e.Customer.AccountOwnerId.Value))
            .OrderByDescending(e => e.AnnualValue).ThenBy(e => e.Id)
            .Take(MaxPerRun * 4) // some were asked already; the outbox skips those without sending
            .Select(e => new { e.Id, e.OccurredOn, e.AnnualValue, e.Reason, Customer = e.Customer.Name, Owner = e.Customer.AccountOwner! })
            .ToListAsync(ct);
        var asked = 0;
        foreach (var e in waiting)
        {
            if (asked == MaxPerRun) break;
            var message = new ChatMessage(
            [
                new TextBlock(RichText.Of(new TextSpan(e.Customer, Bold: true),
                    new TextSpan($" left on {Format.Date(e.OccurredOn)} ({Refs.Of(Refs.Event, e.Id)}, "
                        + $"{Format.Money(e.AnnualValue, settings.CurrencySymbol)} a year"
                        + (string.IsNullOrWhiteSpace(e.Reason) ? ")." : $", \"{e.Reason.Trim()}\").")))),
                new TextBlock("You own the account. What happened? Leadership hears one lost-customer story each week, in your words."),
                new ActionsBlock([new ActionButton("Tell their story", $"story \"{e.Customer}\" \"{ActionButton.AnswerSlot}\"", ButtonStyle.Primary,
                    AskFor: $"What happened with {e.Customer}?")]),
            ]);
            if (await outbox.PostOnceAsync(OutboxPost.ToMember(e.Owner, teamZone, Key(e.Id), Kind, now, null), _ => Task.FromResult(message), ct))
                asked++;
        }
        return asked;
    }
}
