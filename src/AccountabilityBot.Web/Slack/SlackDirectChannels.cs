using System.Collections.Concurrent;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountabilityBot.Web.Slack;

/// <summary>A user's DM channel with the bot, as conversations.open gave it. It never changes.</summary>
public sealed class SlackDirectChannel
{
    public required string UserId { get; set; }
    public required string ChannelId { get; set; }
    public DateTime OpenedAt { get; set; }
}

public sealed class SlackDirectChannelConfiguration : IEntityTypeConfiguration<SlackDirectChannel>
{
    public void Configure(EntityTypeBuilder<SlackDirectChannel> e)
    {
        e.ToTable("SlackDirectChannels");
        e.HasKey(d => d.UserId);
        e.Property(d => d.UserId).HasMaxLength(32);
        e.Property(d => d.ChannelId).HasMaxLength(32);
    }
}

/// <summary>
/// Remembers each user's DM channel with the bot, in memory and in the database. conversations.open is a Tier 3
/// method (about 50 calls a minute): without this, a morning of nudges to thousands of owners, or the first morning
/// after every restart, would be throttled past its window.
/// </summary>
public sealed class SlackDirectChannels(IServiceScopeFactory scopes, TimeProvider clock)
{
    readonly ConcurrentDictionary<string, string> byUser = new();

    public async Task<string> GetOrOpenAsync(string userId, Func<Task<string>> open, CancellationToken ct)
    {
        if (byUser.TryGetValue(userId, out var channel)) return channel;
        // A scope of its own: the caller's context may hold a command's unsaved changes.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        channel = await db.Set<SlackDirectChannel>().Where(d => d.UserId == userId).Select(d => d.ChannelId).FirstOrDefaultAsync(ct);
        if (channel is null)
        {
            channel = await open();
            db.Add(new SlackDirectChannel { UserId = userId, ChannelId = channel, OpenedAt = clock.GetUtcNow().UtcDateTime });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { } // another worker remembered the same channel first
        }
        return byUser[userId] = channel;
    }
}
