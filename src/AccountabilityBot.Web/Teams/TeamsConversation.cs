using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// What a proactive post to a Teams conversation needs (Bot Framework "conversation reference"): the service URL it
/// lives behind, its id, tenant, and for channels the team and channel. Stored when the bot is installed or hears
/// from the conversation; inactive once the bot is removed, so nothing is posted there any more.
/// </summary>
public sealed class TeamsConversation
{
    public int Id { get; set; }
    /// <summary>The conversation id without a thread suffix (";messageid=…"): a channel, group chat or 1:1 chat.</summary>
    public required string ConversationId { get; set; }
    public required string ServiceUrl { get; set; }
    /// <summary>personal, groupChat or channel.</summary>
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public string? TeamId { get; set; }
    public string? ChannelId { get; set; }
    public string? Name { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime UpdatedAt { get; set; }
}

public sealed class TeamsConversationConfiguration : IEntityTypeConfiguration<TeamsConversation>
{
    public void Configure(EntityTypeBuilder<TeamsConversation> e)
    {
        e.ToTable("TeamsConversations");
        e.HasIndex(c => c.ConversationId).IsUnique();
        e.HasIndex(c => c.TeamId);
        e.Property(c => c.ConversationId).HasMaxLength(512);
        e.Property(c => c.ServiceUrl).HasMaxLength(512);
        e.Property(c => c.ConversationType).HasMaxLength(32);
        e.Property(c => c.TenantId).HasMaxLength(TeamsUser.TenantIdLength);
        e.Property(c => c.TeamId).HasMaxLength(512);
        e.Property(c => c.ChannelId).HasMaxLength(512);
        e.Property(c => c.Name).HasMaxLength(TeamsUser.NameLength);
    }
}

/// <summary>A Teams user the bot has heard from: what opening a 1:1 chat with them needs (tenant, service URL), and the chat once open.</summary>
public sealed class TeamsUser
{
    public const int AadObjectIdLength = 64, TenantIdLength = 64, NameLength = 256;

    public int Id { get; set; }
    /// <summary>The user's Teams id for this bot ("29:…"), the member's PlatformUserId.</summary>
    public required string UserId { get; set; }
    public string? AadObjectId { get; set; }
    public string? Name { get; set; }
    public string? TenantId { get; set; }
    public required string ServiceUrl { get; set; }
    public string? DirectConversationId { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class TeamsUserConfiguration : IEntityTypeConfiguration<TeamsUser>
{
    public void Configure(EntityTypeBuilder<TeamsUser> e)
    {
        e.ToTable("TeamsUsers");
        e.HasIndex(u => u.UserId).IsUnique();
        e.HasIndex(u => u.AadObjectId);
        e.Property(u => u.UserId).HasMaxLength(256);
        e.Property(u => u.AadObjectId).HasMaxLength(TeamsUser.AadObjectIdLength);
        e.Property(u => u.Name).HasMaxLength(TeamsUser.NameLength);
        e.Property(u => u.TenantId).HasMaxLength(TeamsUser.TenantIdLength);
        e.Property(u => u.ServiceUrl).HasMaxLength(512);
        e.Property(u => u.DirectConversationId).HasMaxLength(512);
    }
}
