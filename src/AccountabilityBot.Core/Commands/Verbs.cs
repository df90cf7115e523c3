using AccountabilityBot.Core.ApiKeys;
using AccountabilityBot.Core.Cadence;
using AccountabilityBot.Core.Commitments;
using AccountabilityBot.Core.Customers;
using AccountabilityBot.Core.Customers.Metrics;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Decisions;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Patterns;
using AccountabilityBot.Core.Prompts;
using AccountabilityBot.Core.Resolutions;
using AccountabilityBot.Core.Reviews;
using AccountabilityBot.Core.StopList;
using AccountabilityBot.Core.Stories;
using AccountabilityBot.Core.Touchpoints;

namespace AccountabilityBot.Core.Commands;

/// <summary>
/// The one list of everything the bot can do, in the order <c>help</c> shows it. The parser's verb table, the help
/// catalog, the role rules, dispatch and the handlers' registration are all built from it.
/// </summary>
internal static class Verbs
{
    public static IReadOnlyList<Verb> All { get; } =
    [
        DecideVerb.Verb,
        CommitVerb.Verb,
        UpdateCommitmentVerbs.Update,
        UpdateCommitmentVerbs.Done,
        MineVerb.Verb,
        ScoreboardVerb.Verb,
        StopVerb.Verb,
        ResolvedVerb.Verb,
        CustomerEventVerbs.Lost,
        CustomerEventVerbs.Won,
        CustomerEventVerbs.Renewed,
        CustomerEventVerbs.Referral,
        StoryVerb.Verb,
        MetricVerbs.Jar,
        MetricVerbs.WhyLost,
        TouchpointVerb.Verb,
        TouchpointVerb.List,
        PatternVerb.Verb,
        PatternVerb.List,
        ReviewVerb.Verb,
        CadenceVerb.Verb,
        RoleVerb.Verb,
        StageVerb.Verb,
        ChannelVerb.Verb,
        MeVerb.Verb,
        AnswerVerb.Verb,
        ApiKeyVerb.Verb,
        DashboardVerb.Verb,
        HelpVerb.Verb,
    ];

    static readonly Dictionary<string, Verb> ByName = All.ToDictionary(v => v.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every route once; verbs that share a command (update and done) share its route.</summary>
    public static IReadOnlyList<CommandRoute> Routes { get; } = All.SelectMany(v => v.Routes).Distinct().ToList();

    static readonly Dictionary<Type, CommandRoute> ByCommand = Routes.ToDictionary(r => r.CommandType);

    public static IEnumerable<string> Names => All.Select(v => v.Name);

    public static Verb? Find(string? name) => string.IsNullOrWhiteSpace(name) ? null : ByName.GetValueOrDefault(name.Trim());

    public static CommandRoute RouteFor(ChatCommand command) =>
        ByCommand.GetValueOrDefault(command.GetType())
        ?? throw new InvalidOperationException($"No verb routes {command.GetType().Name}.");
}
