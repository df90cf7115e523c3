using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Tests.ApiKeys;

/// <summary>Keys that earlier builds stored with the `apikey create` reply are removed by the migration; nothing else changes.</summary>
public sealed class ForgetShownOnceSecretsTests
{
    const string Key = "abk_0123456789abcdef_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5";

    [SqliteFact("steps through SQLite's migrations one by one; PostgreSQL's migration set begins after this one")]
    public async Task Migration_ReplacesStoredRepliesHoldingAKey_LeavesOthers()
    {
        using var database = new TestDatabase(migrateTo: "InboxFollowUps");
        var withKey = MessageJson.Serialize(new ChatMessage([new TextBlock("Created API key crm. Copy it now."), new TextBlock(Key)]));
        var plain = MessageJson.Serialize(ChatMessage.Text("Recorded D-4: mention abk_ in the docs."));
        await using (var db = database.NewContext())
        {
            // In SQL: the entities have columns (Refusal, NotBefore) that later migrations add.
            foreach (var (id, reply) in new[] { ("d1", withKey), ("d2", plain) })
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO "ReceivedCommands" ("Platform", "DeliveryId", "ConversationId", "UserId", "Text", "ReceivedAt", "HandledAt", "ReplyJson")
                    VALUES ('Slack', {id}, 'D1', 'U1', 'apikey create crm', {DateTime.UtcNow}, {DateTime.UtcNow}, {reply})
                    """);
            foreach (var json in new[] { withKey, plain })
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO "OutboundMessages" ("Platform", "ConversationId", "Kind", "MessageJson", "CreatedAt", "Attempts")
                    VALUES ('Slack', 'D1', 'post', {json}, {DateTime.UtcNow}, 0)
                    """);
            await db.Database.MigrateAsync();
        }

        await using var migrated = database.NewContext();
        var replies = await migrated.ReceivedCommands.OrderBy(r => r.DeliveryId).Select(r => r.ReplyJson!).ToListAsync();
        var posts = await migrated.OutboundMessages.OrderBy(o => o.Id).Select(o => o.MessageJson).ToListAsync();
        foreach (var (scrubbed, kept) in new[] { (replies[0], replies[1]), (posts[0], posts[1]) })
        {
            Assert.DoesNotContain(Key, scrubbed);
            Assert.Contains("shown once", MessageJson.Deserialize(scrubbed).FallbackText);
            Assert.Equal(plain, kept);
        }
    }
}
