using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Core.Tests.Dashboard;

/// <summary>Wednesday 18 Nov 2026, noon UTC (the team's zone when nothing sets one): the week so far is Mon 16 – Wed 18 Nov.</summary>
static class DashboardClock
{
    public static readonly DateOnly Today = new(2026, 11, 18);

    public static FakeTimeProvider Now() => new(new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero));

    public static DateOnly Nov(int day) => new(2026, 11, day);

    public static DateOnly Oct(int day) => new(2026, 10, day);

    public static DateTime Utc(int month, int day, int hour = 0, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);
}
