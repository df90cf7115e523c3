using AccountabilityBot.Core.Dashboard;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>One section of the stop list: its heading's id, title and caption, and its items.</summary>
public sealed record StopsTable(string Id, string Title, string Caption, IReadOnlyList<StopRow> Items);
