using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Cadence.Posts;

/// <summary>The bound channels scheduled posts go to (members' DMs are <see cref="ChatAddress.DirectTo(Member)"/>).</summary>
public sealed class Audience(AppDbContext db)
{
    public async Task<IReadOnlyList<ChatAddress>> ChannelsAsync(ChannelPurpose purpose, CancellationToken ct) =>
        (await db.ChannelBindings.AsNoTracking().Where(b => b.Purpose == purpose).OrderBy(b => b.Id).ToListAsync(ct))
            .Select(b => new ChatAddress(b.Platform, b.ConversationId)).ToList();
}
