using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Charts;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Local;

/// <summary>A local conversation as stored: what people typed with the bot's replies, and what the bot posted on its own.</summary>
public sealed class LocalTranscript(AppDbContext db, ChartLinks charts)
{
    public async Task<IReadOnlyList<LocalTranscriptItem>> ReadAsync(string channel, int limit, CancellationToken ct)
    {
        var said = await db.ReceivedCommands.AsNoTracking()
            .Where(r => r.Platform == ChatPlatform.Local && r.ConversationId == channel)
            .OrderByDescending(r => r.Id).Take(limit).ToListAsync(ct);
        var posted = await db.OutboundMessages.AsNoTracking()
            .Where(o => o.Platform == ChatPlatform.Local && o.ConversationId == channel && o.SentAt != null)
            .OrderByDescending(o => o.Id).Take(limit).ToListAsync(ct);

        // Each reply sorts right after what it answers, even when both carry the same timestamp.
        var items = new List<(long Order, LocalTranscriptItem Item)>();
        foreach (var r in said)
        {
            items.Add((r.Id * 2, new LocalTranscriptItem($"in-{r.Id}", r.ReceivedAt, r.UserId, r.Text, [])));
            if (r.ReplyJson is { } json) items.Add((r.Id * 2 + 1, FromBot($"re-{r.Id}", r.ReceivedAt, MessageJson.Deserialize(json))));
        }
        items.AddRange(posted.Select(o => (o.Id, FromBot($"out-{o.Id}", o.SentAt!.Value, MessageJson.Deserialize(o.MessageJson)))));
        return items.OrderBy(i => i.Item.At).ThenBy(i => i.Order).Select(i => i.Item).TakeLast(limit).ToList();
    }

    LocalTranscriptItem FromBot(string id, DateTime at, ChatMessage message)
    {
        var reply = LocalReply.Of(message, charts.PathFor);
        return new LocalTranscriptItem(id, at, "bot", reply.Text, reply.Buttons, reply.Parts);
    }
}
