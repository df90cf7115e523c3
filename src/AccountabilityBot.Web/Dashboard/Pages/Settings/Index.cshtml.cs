using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Forms;
using Microsoft.AspNetCore.Mvc;

namespace AccountabilityBot.Web.Dashboard.Pages.Settings;

/// <summary>/dashboard/settings: the cadence, each kind's next run in the CCO's own zone; set, pause, resume, preview.</summary>
public sealed class IndexModel(DashboardCommands commands, SettingsQuery query) : SettingsPageModel(commands)
{
    /// <summary>The chat's own cadence form: its fields (kind, days, time, zone) and the command they make.</summary>
    public static FormSpec Form { get; } = FormCatalog.Find("cadence")
        ?? throw new InvalidOperationException("The cadence form is missing from the form catalog.");

    public static IReadOnlyList<string> DayChoices { get; } = Form.Fields.Single(f => f.Id == "days").Options;

    public CadenceOverview Cadence { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Cadence = await query.CadenceAsync(MemberId, ct);

    /// <summary>A field left empty is left out of the command, so the engine says what is missing, as in chat.</summary>
    public Task<IActionResult> OnPostSetAsync() => RunAndShowAsync(Form.Command(Form.Read(Field)));

    public Task<IActionResult> OnPostPauseAsync() => Act("pause");

    public Task<IActionResult> OnPostResumeAsync() => Act("resume");

    public Task<IActionResult> OnPostPreviewAsync() => Act("preview");

    Task<IActionResult> Act(string action) => RunAndShowAsync(new CommandLine("cadence").Word(Clean(Field("kind"))).Word(action));
}
