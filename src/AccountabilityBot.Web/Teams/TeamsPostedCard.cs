using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// A card with buttons the bot posted, kept so the card can be refreshed when someone uses a button (Teams sends the
/// card's activity id as replyToId with the click).
/// </summary>
public sealed class TeamsPostedCard
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }
    public required string ActivityId { get; set; }
    public required string CardJson { get; set; }
    public DateTime PostedAt { get; set; }
}

public sealed class TeamsPostedCardConfiguration : IEntityTypeConfiguration<TeamsPostedCard>
{
    public void Configure(EntityTypeBuilder<TeamsPostedCard> e)
    {
        e.ToTable("TeamsPostedCards");
        e.HasIndex(c => new { c.ConversationId, c.ActivityId }).IsUnique();
        e.Property(c => c.ConversationId).HasMaxLength(512);
        e.Property(c => c.ActivityId).HasMaxLength(128);
    }
}
