using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Core.Messaging;
using Microsoft.AspNetCore.Mvc;

namespace AccountabilityBot.Web.Dashboard.Pages.Settings;

/// <summary>
/// /dashboard/settings/api-keys: the HTTP API's keys (`apikey …`). A new key is shown once, in the answer to the POST
/// itself (never put in TempData, a redirect, the log or a cache), like the chat reply that carries it.
/// </summary>
public sealed class ApiKeysModel(DashboardCommands commands, SettingsQuery query) : SettingsPageModel(commands)
{
    public IReadOnlyList<ApiKeyRow> Keys { get; private set; } = [];

    /// <summary>The engine's answer to a create, with the key: only in this one response.</summary>
    public IReadOnlyList<string>? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Keys = await query.ApiKeysAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var text = new CommandLine("apikey").Word("create").Word(Clean(Field("name"))).ToString();
        var outcome = await RunAsync(text);
        if (outcome.Kind != OutcomeKind.Done) return Show(text, outcome);
        Response.Headers.CacheControl = "no-store";
        Created = PlainTextRenderer.Words(outcome.Reply).Split('\n');
        Keys = await query.ApiKeysAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostRevokeAsync() => RunAndShowAsync(new CommandLine("apikey").Word("revoke").Word(Clean(Field("name"))));

    IActionResult Show(string text, CommandOutcome outcome)
    {
        CommandReply.Of(text, outcome).Keep(TempData);
        return RedirectToPage();
    }
}
