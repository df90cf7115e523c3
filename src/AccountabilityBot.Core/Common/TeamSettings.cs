using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountabilityBot.Core.Common;

/// <summary>The CCO's team-wide switches, kept by name in one small table; each is off until the CCO turns it on.</summary>
public static class TeamSettings
{
    /// <summary>Everyone's follow-through: in the weekly review, and in <c>scoreboard</c> for every executive.</summary>
    public const string ScoreboardShared = "scoreboard.shared";

    const string On = "on";

    public static Task<bool> IsOnAsync(AppDbContext db, string name, CancellationToken ct) =>
        db.TeamSettings.AsNoTracking().AnyAsync(s => s.Name == name && s.Value == On, ct);

    /// <summary>Turns a switch on or off, with an audit entry; false when it already was (nothing is written).</summary>
    public static async Task<bool> SwitchAsync(AppDbContext db, CommandContext ctx, string name, bool on, CancellationToken ct)
    {
        var row = await db.TeamSettings.SingleOrDefaultAsync(s => s.Name == name, ct);
        if ((row?.Value == On) == on) return false;
        if (row is null) db.TeamSettings.Add(row = new TeamSetting { Name = name, Value = On });
        row.Value = on ? On : "off";
        row.ChangedById = ctx.Speaker.Id;
        row.ChangedAt = ctx.UtcNow;
        db.Audit(ctx, "setting.changed", name, row.Value);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

public sealed class TeamSettingConfiguration : IEntityTypeConfiguration<TeamSetting>
{
    public void Configure(EntityTypeBuilder<TeamSetting> e)
    {
        e.HasKey(s => s.Name);
        e.Property(s => s.Name).HasMaxLength(TeamSetting.NameLength);
        e.Property(s => s.Value).HasMaxLength(TeamSetting.ValueLength);
    }
}
