using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Touchpoints;

namespace AccountabilityBot.Core.Reviews;

// Know before customers tell you: the touchpoints that make them stay or leave, worst first.
public static partial class ReviewComposer
{
    static IEnumerable<MessageBlock> ReliabilityWatch(ReviewSnapshot s)
    {
        yield return Title("Reliability watch");
        var lines = s.Reliability
            .OrderBy(t => t.Urgency)
            .Select(t => t.Line()).ToList();
        foreach (var block in Bounded(lines, more: "`touchpoints` lists them all")) yield return block;
        yield return new ContextBlock($"🔴 past its threshold · 🟠 heading past it within {TouchpointTrend.HorizonDays} days at its current rate "
            + $"(a least-squares line through the last {TouchpointTrend.WindowDays} days).");
    }
}
