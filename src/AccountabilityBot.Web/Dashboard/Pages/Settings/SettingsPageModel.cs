using System.Security.Claims;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AccountabilityBot.Web.Dashboard.Pages.Settings;

/// <summary>
/// A CCO's settings page. Every change is a chat command built from the form's fields (values quoted by
/// <see cref="FormText"/>), run through <see cref="DashboardCommands"/> as the signed-in CCO, its answer shown after a
/// POST-redirect-GET: the same roles, messages and audit trail as the chat, and no second way to write.
/// </summary>
[Authorize(Policy = DashboardPolicies.Cco)]
public abstract class SettingsPageModel(DashboardCommands commands) : PageModel
{
    /// <summary>The answer to the last change made here, shown once.</summary>
    public CommandReply? Reply { get; private set; }

    protected int MemberId => int.Parse(User.FindFirstValue(DashboardPolicies.MemberIdClaim)!, System.Globalization.CultureInfo.InvariantCulture);

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context) =>
        Reply = CommandReply.Take(TempData);

    /// <summary>Runs the command and redirects back to this page, which then shows the engine's answer.</summary>
    protected async Task<IActionResult> RunAndShowAsync(CommandLine command)
    {
        var text = command.ToString();
        CommandReply.Of(text, await RunAsync(text)).Keep(TempData);
        return RedirectToPage();
    }

    protected Task<CommandOutcome> RunAsync(string text) => commands.RunAsync(User, text);

    /// <summary>The value a field was sent with, as typed (the command line cleans and quotes it).</summary>
    protected string? Field(string name) => Request.HasFormContentType ? Request.Form[name].FirstOrDefault() : null;

    protected static string? Clean(string? typed) => FormText.Clean(typed);
}
