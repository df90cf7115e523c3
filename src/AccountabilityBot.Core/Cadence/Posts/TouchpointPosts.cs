using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Reviews;
using AccountabilityBot.Core.Touchpoints;

namespace AccountabilityBot.Core.Cadence.Posts;

/// <summary>
/// The reliability watch: a touchpoint past its threshold, or heading past it within two weeks at its current rate, is
/// raised to leadership once, and again only after it has recovered or a week has passed. Marking the touchpoint alerted
/// is saved with the claimed posts, and the outbox key carries the previous alert, so two runs never raise one twice.
/// </summary>
public sealed class TouchpointPosts(
    AppDbContext db, TouchpointWatch watch, StageCustomers stageCustomers, Audience audience, Outbox outbox, TimeProvider clock,
    BotSettings settings)
{
    public const string Kind = CadenceKinds.Touchpoints;
    public static readonly TimeSpan RaiseAgainAfter = TimeSpan.FromDays(7);

    /// <summary>Touchpoints back on the good side since their alert are marked recovered, so the next crossing is raised at once.</summary>
    public async Task<int> NoteRecoveriesAsync(CancellationToken ct)
    {
        var now = clock.UtcNow();
        var recovered = (await watch.StatusesAsync(ct, tracked: true))
            .Where(s => s.Touchpoint.IsAlerting && s.Trend.State is TouchpointState.Ok).ToList();
        foreach (var s in recovered) s.Touchpoint.RecoveredAt = now;
        if (recovered.Count > 0) await db.SaveChangesAsync(ct);
        return recovered.Count;
    }

    /// <summary>A run outside the cadence (the demo's start): recoveries, then the alerts due.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await NoteRecoveriesAsync(ct);
        return await outbox.PostAllAsync(await PlanAsync(ct), ct);
    }

    public async Task<IReadOnlyList<PlannedPost>> PlanAsync(CancellationToken ct)
    {
        var now = clock.UtcNow();
        var due = (await watch.StatusesAsync(ct, tracked: true))
            .Where(s => s.Trend.State is TouchpointState.Crossed or TouchpointState.Projected
                && (s.Touchpoint.AlertedAt is not { } at || s.Touchpoint.RecoveredAt is not null || at <= now - RaiseAgainAfter))
            .ToList();
        if (due.Count == 0) return [];
        var channels = await audience.ChannelsAsync(ChannelPurpose.Leadership, ct);
        return due.SelectMany(s => channels.Select(to => new PlannedPost(
            new OutboxPost(to, $"{Kind}:{s.Touchpoint.Id}:{s.Touchpoint.AlertedAt?.Ticks ?? 0}:{to.Platform}:{to.ConversationId}", Kind,
                now + TimeSpan.FromDays(1)),
            async c => await ComposeAsync(s, now, c)))).ToList();
    }

    async Task<ChatMessage> ComposeAsync(TouchpointStatus s, DateTime now, CancellationToken ct)
    {
        s.Touchpoint.AlertedAt = now;
        s.Touchpoint.RecoveredAt = null;
        return Compose(TouchpointView.Of(s), await stageCustomers.AtStageAsync(s.Touchpoint.StageId, ct), settings.CurrencySymbol);
    }

    public static ChatMessage Compose(TouchpointView t, AtStake stake, string money)
    {
        var trend = t.Trend;
        var headline = trend.State == TouchpointState.Crossed
            ? $"{t.Name} is past its threshold: {TouchpointUnits.Show(trend.Latest!.Value, t.Unit)} on {Format.Date(trend.LatestOn!.Value)}."
            : $"{t.Name} is heading past its threshold: at its current rate it reaches {TouchpointUnits.Show(t.Threshold, t.Unit)} "
                + $"around {Format.Date(trend.CrossesOn!.Value)}.";
        var how = trend.PerDay is null ? "" : $" Trend: {t.TrendText}, the least-squares line through its {trend.Points} values of the last "
            + $"{TouchpointTrend.WindowDays} days; a projection crosses when that line, from the latest value, reaches the threshold "
            + $"within {TouchpointTrend.HorizonDays} days.";
        var atStake = stake.Customers.Count == 0
            ? $"No customer is on record at {t.Stage} in the last {StageCustomers.WindowDays} days (frontline resolutions name them)."
            : $"At stake at {t.Stage}: {ReviewComposer.Amount(stake.Customers, money)} ({string.Join(", ", stake.Names)}"
                + $"{(stake.Customers.Count > stake.Names.Count ? ", …" : "")}), customers the frontline helped there in the last "
                + $"{StageCustomers.WindowDays} days.";
        var name = ReviewComposer.CommandText(t.Name, 100);
        return new ChatMessage([
            new HeaderBlock($"Reliability watch: {t.Reference}"),
            new TextBlock(RichText.Of(new TextSpan((trend.State == TouchpointState.Crossed ? "🔴 " : "🟠 ") + headline, Bold: true))),
            new TextBlock(RichText.Of(new TextSpan($"{t.Stage} · {t.Promise} · fix owned by "),
                new MentionSpan(t.Owner.Platform, t.Owner.PlatformUserId, t.Owner.Name))),
            new TextBlock(atStake),
            new ContextBlock($"Raised once; again only after it recovers or in a week.{how}"),
            new ActionsBlock([
                new ActionButton("Own the fix", $"commit Fix {name} owner:me due:in 2 weeks re:{t.Reference}", ButtonStyle.Primary),
                new ActionButton("Record a decision", $"decide {ActionButton.AnswerSlot} owner:me re:{t.Reference}",
                    AskFor: $"What did leadership decide about {name}?"),
            ]),
        ]);
    }
}
