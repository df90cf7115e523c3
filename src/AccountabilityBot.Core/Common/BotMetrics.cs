using System.Diagnostics.Metrics;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Common;

/// <summary>
/// What an operator watches: commands handled and refused, posts sent, failed, held or in doubt, how late posts go
/// out, and the rate-limit waits. Plain .NET metrics (System.Diagnostics.Metrics); the host exports them only when
/// asked to (Metrics:Url), and they cost next to nothing while nobody listens.
/// </summary>
public static class BotMetrics
{
    public const string MeterName = "AccountabilityBot";

    static readonly Meter Meter = new(MeterName);

    static readonly Counter<long> Commands = Meter.CreateCounter<long>("accountabilitybot.commands", "{command}",
        "Chat commands, by platform and outcome (done, refused, repeat, still_working, not_stored, failed).");

    static readonly Counter<long> Posts = Meter.CreateCounter<long>("accountabilitybot.posts", "{post}",
        "Outbox posts, by platform and result (sent, failed, retrying, held, dropped, in_doubt).");

    static readonly Histogram<double> OutboxLag = Meter.CreateHistogram<double>("accountabilitybot.outbox.lag", "s",
        "From when a post was queued to when it was sent.");

    static readonly Counter<long> RateLimitWaits = Meter.CreateCounter<long>("accountabilitybot.rate_limit.waits", "{wait}",
        "Times a platform said 'too many requests' and the bot waited, by platform.");

    public static void Command(ChatPlatform platform, OutcomeKind outcome) =>
        Commands.Add(1, Tag("platform", platform), new("outcome", Snake(outcome.ToString())));

    public static void Post(ChatPlatform platform, DeliveryOutcome result) =>
        Posts.Add(1, Tag("platform", platform), new("result", Snake(result.ToString())));

    /// <summary>A post whose sender stopped mid-send: the next worker asks the platform (or sends again).</summary>
    public static void PostInDoubt(ChatPlatform platform) => Posts.Add(1, Tag("platform", platform), new("result", "in_doubt"));

    public static void Sent(ChatPlatform platform, TimeSpan late) =>
        OutboxLag.Record(Math.Max(0, late.TotalSeconds), Tag("platform", platform));

    public static void RateLimited(ChatPlatform platform) => RateLimitWaits.Add(1, Tag("platform", platform));

    static KeyValuePair<string, object?> Tag(string name, ChatPlatform platform) => new(name, platform.ToString().ToLowerInvariant());

    /// <summary>"StillWorking" → "still_working", as metric tag values are written.</summary>
    static string Snake(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
