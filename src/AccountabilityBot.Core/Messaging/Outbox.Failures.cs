using AccountabilityBot.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Core.Messaging;

public sealed partial class Outbox
{
    const string FailureReportKind = "failure-report";

    /// <summary>
    /// Tells every CCO, once per failure and place, in plain words, that a post could not be delivered and what to do.
    /// A report that itself fails is only logged.
    /// </summary>
    async Task ReportFailureAsync(OutboundMessage failed, CancellationToken ct)
    {
        if (failed.Kind == FailureReportKind) return;
        var reason = failed.Error ?? "unknown error";
        var platformError = reason.Split(':', 2)[0];
        var ccos = await db.Members.AsNoTracking().Where(m => m.Role == Role.Cco).ToListAsync(ct);
        foreach (var cco in ccos)
        {
            try
            {
                var to = ChatAddress.DirectTo(cco);
                var message = new ChatMessage([
                    new TextBlock(RichText.Of(
                        new TextSpan($"⚠️ I couldn't post the {failed.Kind} to {failed.ConversationId} ({failed.Platform}).", Bold: true))),
                    new TextBlock(reason),
                ]);
                var key = $"{FailureReportKind}:{platformError}:{failed.Platform}:{failed.ConversationId}:{cco.Id}";
                await PostOnceAsync(new OutboxPost(to, key, FailureReportKind), _ => Task.FromResult(message), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Could not tell the CCO {Cco} about failed post {Id}", cco.Id, failed.Id);
            }
        }
    }
}
