using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Cadence.Posts;

/// <summary>Who scheduled posts go to: the bound channels, and members' direct conversations.</summary>
public sealed class Audience(AppDbContext db)
{
    public async Task<IReadOnlyList<ChatAddress>> ChannelsAsync(ChannelPurpose purpose, CancellationToken ct) =>
        (await db.ChannelBindings.AsNoTracking().Where(b => b.Purpose == purpose).OrderBy(b => b.Id).ToListAsync(ct))
            .Select(b => new ChatAddress(b.Platform, b.ConversationId)).ToList();

    public static ChatAddress Direct(Member member) => ChatAddress.DirectTo(member.Platform, member.PlatformUserId);
}
