using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Forms;
using Microsoft.AspNetCore.Mvc;

namespace AccountabilityBot.Web.Dashboard.Pages.Settings;

/// <summary>/dashboard/settings/stages: the journey stages in order; add, rename, remove (`stage …`).</summary>
public sealed class StagesModel(DashboardCommands commands, SettingsQuery query) : SettingsPageModel(commands)
{
    public IReadOnlyList<string> Stages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Stages = await query.StagesAsync(ct);

    public Task<IActionResult> OnPostAddAsync() =>
        RunAndShowAsync(new CommandLine("stage").Word("add").Text(Clean(Field("name"))).Option("after", Clean(Field("after"))));

    public Task<IActionResult> OnPostRenameAsync() =>
        RunAndShowAsync(new CommandLine("stage").Word("rename").Text(Clean(Field("stage"))).Text(Clean(Field("name"))));

    public Task<IActionResult> OnPostRemoveAsync() => RunAndShowAsync(new CommandLine("stage").Word("remove").Text(Clean(Field("stage"))));
}
