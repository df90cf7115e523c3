using AccountabilityBot.Core.Dashboard;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>The board's lanes as a table, each name a link to that owner's or stage's open commitments, each overdue count to those.</summary>
public sealed record LanesTable(string Caption, string Heading, IReadOnlyList<BoardLane> Lanes, Func<int?, string> Open, Func<int?, string> Overdue);
