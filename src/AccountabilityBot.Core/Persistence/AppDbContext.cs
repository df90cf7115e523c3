using AccountabilityBot.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AccountabilityBot.Core.Persistence;

/// <summary>
/// The provider-neutral model. Each provider derives its own context (SQLite, PostgreSQL) so each keeps its own migration set.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Member> Members => Set<Member>();
    public DbSet<CustomerGroup> CustomerGroups => Set<CustomerGroup>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerEvent> CustomerEvents => Set<CustomerEvent>();
    public DbSet<CustomerDayTotal> CustomerDayTotals => Set<CustomerDayTotal>();
    public DbSet<CustomerMonthTotal> CustomerMonthTotals => Set<CustomerMonthTotal>();
    public DbSet<LostStory> LostStories => Set<LostStory>();
    public DbSet<JourneyStage> JourneyStages => Set<JourneyStage>();
    public DbSet<StopItem> StopItems => Set<StopItem>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<CommitmentUpdate> CommitmentUpdates => Set<CommitmentUpdate>();
    public DbSet<Touchpoint> Touchpoints => Set<Touchpoint>();
    public DbSet<TouchpointValue> TouchpointValues => Set<TouchpointValue>();
    public DbSet<Resolution> Resolutions => Set<Resolution>();
    public DbSet<ResolutionTally> ResolutionTallies => Set<ResolutionTally>();
    public DbSet<FrontlinePattern> FrontlinePatterns => Set<FrontlinePattern>();
    public DbSet<PatternEvidence> PatternEvidence => Set<PatternEvidence>();
    public DbSet<PatternRule> PatternRules => Set<PatternRule>();
    public DbSet<Prompt> Prompts => Set<Prompt>();
    public DbSet<CadenceSetting> CadenceSettings => Set<CadenceSetting>();
    public DbSet<TeamSetting> TeamSettings => Set<TeamSetting>();
    public DbSet<ChannelBinding> ChannelBindings => Set<ChannelBinding>();
    public DbSet<AuditEntry> AuditTrail => Set<AuditEntry>();
    public DbSet<ReceivedCommand> ReceivedCommands => Set<ReceivedCommand>();
    public DbSet<OutboundMessage> OutboundMessages => Set<OutboundMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Instants are stored and read back as UTC, whatever the provider does with DateTime.Kind.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<decimal>().HavePrecision(18, 2);
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        // Features keep their own IEntityTypeConfiguration next to their code; edge adapters' tables are added by the
        // provider contexts from the host assembly.
        model.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        model.Entity<Member>(e =>
        {
            e.HasIndex(m => new { m.Platform, m.PlatformUserId }).IsUnique();
            e.Property(m => m.PlatformUserId).HasMaxLength(128);
            e.Property(m => m.DisplayName).HasMaxLength(Member.DisplayNameLength);
        });
        model.Entity<CustomerGroup>().HasIndex(g => g.Name).IsUnique();
        model.Entity<Customer>(e =>
        {
            e.HasIndex(c => c.Name);
            e.HasIndex(c => c.ExternalId).IsUnique();
        });
        model.Entity<CustomerEvent>(e =>
        {
            // (Kind, OccurredOn) lookups use the wider metrics index (Customers/CustomerEventConfiguration) by its prefix.
            e.HasIndex(x => x.ExternalId).IsUnique();
            e.HasOne(x => x.Story).WithOne(s => s.Event).HasForeignKey<LostStory>(s => s.CustomerEventId);
        });
        model.Entity<LostStory>(e =>
        {
            e.HasIndex(s => new { s.LostOn, s.Id });
            e.HasIndex(s => s.PickedAt);
        });
        model.Entity<JourneyStage>().HasIndex(s => s.Name).IsUnique();
        model.Entity<Commitment>(e =>
        {
            e.HasIndex(c => new { c.Status, c.DueOn });
            e.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Updates).WithOne().HasForeignKey(u => u.CommitmentId);
            e.HasOne<Touchpoint>().WithMany().HasForeignKey(c => c.TouchpointId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<Decision>(e =>
        {
            e.HasOne(d => d.DecidedBy).WithMany().HasForeignKey(d => d.DecidedById).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(d => d.Owner).WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<StopItem>(e =>
        {
            e.HasOne(s => s.Owner).WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(s => s.Pattern).WithMany().HasForeignKey(s => s.PatternId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<Resolution>(e =>
        {
            // Covering: the frontline's sums (by stage and person, a week at a time) read the index alone, not the rows.
            e.HasIndex(r => new { r.At, r.StageId, r.ById, r.Cost }).HasDatabaseName("IX_Resolutions_At");
            e.HasOne(r => r.By).WithMany().HasForeignKey(r => r.ById).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<ResolutionTally>().HasKey(t => t.Hour);
        model.Entity<CadenceSetting>().HasIndex(c => c.Kind).IsUnique();
        model.Entity<ChannelBinding>().HasIndex(c => new { c.Platform, c.ConversationId, c.Purpose }).IsUnique();
        model.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => a.At);
            e.Property(a => a.Via).HasMaxLength(16);
        });
        model.Entity<ReceivedCommand>(e =>
        {
            e.HasIndex(r => new { r.Platform, r.DeliveryId }).IsUnique();
            // The sweep looks only at the few rows still waiting for their follow-up.
            e.HasIndex(r => r.LeaseUntil).HasFilter("\"FollowUp\" IS NOT NULL");
        });
        model.Entity<OutboundMessage>(e =>
        {
            e.HasIndex(o => o.IdempotencyKey).IsUnique();
            e.HasIndex(o => new { o.Platform, o.ConversationId, o.Id });
            e.HasIndex(o => new { o.SentAt, o.FailedAt, o.DroppedAt, o.NextAttemptAt });
            e.Property(o => o.Kind).HasMaxLength(32);
            e.Property(o => o.LeaseToken).HasMaxLength(32);
        });
    }

    /// <summary>Public so the compiled model (Web/Persistence/CompiledModel) can name it.</summary>
    public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
