using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Reviews;

namespace AccountabilityBot.Core.Customers.Metrics;

/// <summary><c>why lost</c>: the reasons customers left in a range, ranked by how many, then by what they were worth.</summary>
public sealed class WhyLostHandler(CustomerTotalsQuery totals, BotSettings settings) : ICommandHandler<WhyLostCommand>
{
    public const int MaxReasons = 15;

    public async Task<ChatMessage> HandleAsync(WhyLostCommand command, CommandContext ctx, CancellationToken ct)
    {
        // No customer groups here: splitting by group joins every event of the range to its customer.
        var t = (await totals.RunAsync(command.Range, ct, groups: false)).Totals;
        var header = new HeaderBlock($"Why customers left — {command.Label}");
        if (t.Lost.Count == 0)
            return new ChatMessage([header, new TextBlock($"No customers lost from {Format.Date(command.Range.From)} to {Format.Date(command.Range.To)}.")]);
        var ranked = ReviewComposer.Ranked(t.LostReasons);
        var blocks = new List<MessageBlock>
        {
            header,
            new ContextBlock($"{ReviewComposer.Amount(t.Lost, settings.CurrencySymbol)} lost " +
                $"from {Format.Date(command.Range.From)} to {Format.Date(command.Range.To)}."),
            new ListBlock([.. ranked.Take(MaxReasons).Select(r =>
                (RichText)$"{r.Reason} — {ReviewComposer.Amount(new Tally(r.Count, r.Value), settings.CurrencySymbol)}")]),
        };
        if (ranked.Count > MaxReasons) blocks.Add(new ContextBlock($"…and {ranked.Count - MaxReasons} more reasons."));
        return new ChatMessage(blocks);
    }
}
