using AccountabilityBot.Core.Commands;

namespace AccountabilityBot.Core.Customers.Metrics;

/// <summary>
/// <c>jar</c>, <c>jar week|month|quarter</c>, <c>jar 2026-10-01..2026-12-31</c>: the marble jar and net growth for
/// that range (bare <c>jar</c> is this week so far), with the 12-week trend.
/// </summary>
public sealed record JarCommand(string Label, DateRange Range) : ChatCommand;

/// <summary><c>why lost [week|month|quarter|RANGE]</c>: why customers left, ranked; quarter to date by default.</summary>
public sealed record WhyLostCommand(string Label, DateRange Range) : ChatCommand;
