using AccountabilityBot.Core.Reviews;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>One ranking of why customers left, as a table.</summary>
public sealed record ReasonsTable(string Caption, IReadOnlyList<ReasonTally> Reasons, string Money);
