using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Cadence;

/// <summary>
/// "Show me now": composes what a scheduled kind would post right now inside a savepoint that is rolled back, so the
/// preview marks no story told, asks no question and claims nothing.
/// </summary>
public sealed class CadencePreviewHandler(AppDbContext db, CadenceRunner runner) : ICommandHandler<CadencePreviewCommand>
{
    const int MaxShown = 3;
    const string Savepoint = "cadence_preview";

    public async Task<ChatMessage> HandleAsync(CadencePreviewCommand command, CommandContext ctx, CancellationToken ct)
    {
        var setting = await db.CadenceSettings.AsNoTracking().SingleOrDefaultAsync(c => c.Kind == command.Kind, ct)
            ?? throw new CommandRejectedException($"'{command.Kind}' is not scheduled yet; set it first, e.g. `cadence {command.Kind} mon 08:00`.");
        var plan = await runner.PlanAsync(setting, ct);
        if (plan.Count == 0)
            return ChatMessage.Text($"Nothing would be posted for {command.Kind} right now — nothing is due, or no channel is bound (`channel leadership`).");

        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Previews run inside the command's transaction.");
        await transaction.CreateSavepointAsync(Savepoint, ct);
        var shown = new List<(ChatAddress To, ChatMessage Message)>();
        foreach (var post in plan.Take(MaxShown)) shown.Add((post.Post.To, await post.Compose(ct)));
        await transaction.RollbackToSavepointAsync(Savepoint, ct);
        db.ChangeTracker.Clear();

        var blocks = new List<MessageBlock>
        {
            new HeaderBlock($"Preview: {command.Kind}, if it ran now"),
            new ContextBlock($"It would post {plan.Count} message(s): {string.Join(", ", plan.Select(p => p.Post.To.ConversationId).Distinct().Take(10))}."
                + (setting.IsPaused ? " (It is paused, so it won't.)" : "")),
        };
        foreach (var (to, message) in shown)
        {
            blocks.Add(new DividerBlock());
            blocks.Add(new ContextBlock($"To {to.ConversationId} ({to.Platform}) — buttons left out of the preview:"));
            blocks.AddRange(message.Blocks.Where(b => b is not ActionsBlock));
        }
        if (plan.Count > MaxShown) blocks.Add(new ContextBlock($"…and {plan.Count - MaxShown} more."));
        return new ChatMessage(blocks);
    }
}
