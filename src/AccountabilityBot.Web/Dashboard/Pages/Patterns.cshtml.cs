using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Core.Patterns;
using AccountabilityBot.Core.StopList;
using Microsoft.AspNetCore.Mvc;

namespace AccountabilityBot.Web.Dashboard.Pages;

/// <summary>
/// The frontline patterns raised to leadership, with their evidence and what leadership did with them. A member's role
/// decides which of the chat's answers the page offers (propose a stop: anyone; dismiss: executives; the threshold: the
/// CCO); each is the chat's command, run by the engine, which refuses it on its own if a role is wrong.
/// </summary>
public sealed class PatternsModel(PatternsQuery query, DashboardCommands commands, BotSettings settings) : CommandPageModel(commands)
{
    /// <summary>The chat's own stop form's question and limit for what to stop.</summary>
    public static FormField StopTitle { get; } = FormCatalog.Find("stop")?.Fields.Single(f => f.Id == "title")
        ?? throw new InvalidOperationException("The stop form is missing from the form catalog.");

    [BindProperty(SupportsGet = true, Name = "p")] public int Number { get; set; } = 1;

    public PatternsView View { get; private set; } = null!;
    public string Money => settings.CurrencySymbol;

    public bool MayPropose => May(new StopProposeCommand("", null, null, null, PatternId: 1));
    public bool MayDismiss => May(new PatternDismissCommand(1, ""));
    public bool MaySetThreshold => May(new PatternThresholdCommand(PatternRule.DefaultSize, PatternRule.DefaultWindowDays, null));

    public async Task OnGetAsync(CancellationToken ct) => View = await query.RunAsync(Number, ct);

    public Task<IActionResult> OnPostProposeAsync(int pattern) =>
        RunAndShowAsync(new CommandLine("stop propose").Text(Clean(Field("title"))).Option("re", Refs.Of(Refs.Pattern, pattern)));

    public Task<IActionResult> OnPostDismissAsync(int pattern) =>
        RunAndShowAsync(new CommandLine("pattern dismiss").Word(Refs.Of(Refs.Pattern, pattern)).Text(Clean(Field("reason"))));

    /// <summary>A number left empty is left out of the command, so the engine says what is missing, as in chat.</summary>
    public Task<IActionResult> OnPostThresholdAsync() => RunAndShowAsync(new CommandLine("pattern threshold")
        .Word(Clean(Field("size"))).Option("in", Clean(Field("window"))).Option("quiet", Clean(Field("quiet"))));
}
