using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Forms;

/// <summary>What showing a form needs to know about the team: its journey stages and its time zone.</summary>
public sealed record FormContext(IReadOnlyList<string> Stages, string Zone)
{
    public static async Task<FormContext> LoadAsync(AppDbContext db, BotSettings settings, CancellationToken ct)
    {
        var stages = await db.JourneyStages.AsNoTracking().OrderBy(s => s.Position).Select(s => s.Name).ToListAsync(ct);
        var zone = await TeamZone.FindAsync(db, settings, ct);
        return new(stages, zone.Id);
    }

    /// <summary>Without the database: no stages (a stage is then typed) and the configured zone.</summary>
    public static FormContext Offline(BotSettings settings) => new([], Clock.FindZone(settings.DefaultTimeZone)?.Id ?? "UTC");

    /// <summary>The options a choice field offers here; none means it is typed instead.</summary>
    public IReadOnlyList<string> Options(FormField field) => field.Choices switch
    {
        ChoiceSource.JourneyStages => Stages,
        _ => field.Options,
    };

    public string? Initial(FormField field) => field.Default == FieldDefault.TeamZone ? Zone : null;
}
