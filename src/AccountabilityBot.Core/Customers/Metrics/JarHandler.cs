using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Reviews;

namespace AccountabilityBot.Core.Customers.Metrics;

/// <summary><c>jar</c>: the marble jar and net customer-asset growth for a range, and the 12-week trend, in whole numbers.</summary>
public sealed class JarHandler(CustomerTotalsQuery totals, CustomerTrendQuery trend, BotSettings settings) : ICommandHandler<JarCommand>
{
    public async Task<ChatMessage> HandleAsync(JarCommand command, CommandContext ctx, CancellationToken ct)
    {
        var money = settings.CurrencySymbol;
        // No customer groups here: splitting by group joins every event of the range to its customer.
        var t = (await totals.RunAsync(command.Range, ct, groups: false)).Totals;
        var weeks = await trend.RunAsync(command.Range.To, ct);
        var blocks = new List<MessageBlock>
        {
            new HeaderBlock($"The marble jar — {command.Label}"),
            new ContextBlock(RichText.Of(new TextSpan("From "), new DateSpan(command.Range.From), new TextSpan(" to "), new DateSpan(command.Range.To))),
            new FieldsBlock(
            [
                new("Won", ReviewComposer.Amount(t.Won, money)),
                new("Lost", ReviewComposer.Amount(t.Lost, money)),
                new("Renewed", ReviewComposer.Amount(t.Renewed, money)),
                new("Referred", ReviewComposer.Amount(t.Referred, money)),
            ]),
            new TextBlock(RichText.Of(new TextSpan("Net growth: ", Bold: true), new TextSpan(ReviewComposer.Net(t.Won, t.Lost, money)))),
            new ContextBlock($"{ReviewComposer.Marbles(t.Won.Count, "🟢")} won vs {ReviewComposer.Marbles(t.Lost.Count, "🔴")} lost"),
            new DividerBlock(),
            new TextBlock(RichText.Bold($"The last {weeks.Count} weeks, net")),
            new ListBlock([.. weeks.Select(w => (RichText)$"{Format.Date(w.From)}: {ReviewComposer.Net(w.Won, w.Lost, money)}")]),
        };
        if (JarChart.WorthDrawing(t.Won, t.Lost, weeks))
            blocks.Insert(5, JarChart.Of($"The marble jar — {command.Label}", command.Label, t.Won, t.Lost, weeks, money));
        return new ChatMessage(blocks);
    }
}
