using System.Globalization;
using System.Security.Claims;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// A page with forms. Every change is a chat command built from the form's fields (values quoted by
/// <see cref="FormText"/>), run through <see cref="DashboardCommands"/> as the signed-in member, its answer shown after a
/// POST-redirect-GET: the same roles, messages and audit trail as the chat, and no second way to write.
/// </summary>
public abstract class CommandPageModel(DashboardCommands commands) : PageModel
{
    /// <summary>The answer to the last change made here, shown once.</summary>
    public CommandReply? Reply { get; private set; }

    protected int MemberId => int.Parse(User.FindFirstValue(DashboardPolicies.MemberIdClaim)!, CultureInfo.InvariantCulture);

    /// <summary>The member's role as of this request (the session reads it afresh each time).</summary>
    protected Role Role => Enum.Parse<Role>(User.FindFirstValue(ClaimTypes.Role)!);

    /// <summary>Whether the member's role may run the command, as the engine will judge it: a form is offered only then.</summary>
    protected bool May(ChatCommand command) => RolePolicy.Allows(Role, command);

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) => Reply = CommandReply.Take(TempData);

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
