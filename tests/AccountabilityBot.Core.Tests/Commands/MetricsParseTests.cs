using AccountabilityBot.Core.ApiKeys;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Customers.Metrics;
using static AccountabilityBot.Core.Tests.Commands.ParserTestContext;

namespace AccountabilityBot.Core.Tests.Commands;

/// <summary>jar, why lost and apikey (today is Thursday 2026-11-26).</summary>
public sealed class MetricsParseTests
{
    public static TheoryData<string, ChatCommand> Examples => new()
    {
        { "jar", new JarCommand("this week so far", new DateRange(D(2026, 11, 23), Today)) },
        { "/cx jar week", new JarCommand("this week so far", new DateRange(D(2026, 11, 23), Today)) },
        { "jar Month", new JarCommand("this month so far", new DateRange(D(2026, 11, 1), Today)) },
        { "jar quarter", new JarCommand("this quarter so far", new DateRange(D(2026, 10, 1), Today)) },
        { "jar 2026-10-01..2026-12-31", new JarCommand("1 Oct – 31 Dec 2026", new DateRange(D(2026, 10, 1), D(2026, 12, 31))) },
        { "jar 2025-12-01..2026-01-31", new JarCommand("1 Dec 2025 – 31 Jan 2026", new DateRange(D(2025, 12, 1), D(2026, 1, 31))) },
        { "why lost", new WhyLostCommand("this quarter so far", new DateRange(D(2026, 10, 1), Today)) },
        { "why LOST week", new WhyLostCommand("this week so far", new DateRange(D(2026, 11, 23), Today)) },
        { "why lost 2026-11-01..2026-11-01", new WhyLostCommand("1 Nov 2026", new DateRange(D(2026, 11, 1), D(2026, 11, 1))) },
        { "apikey", new ApiKeyCommand(ApiKeyAction.List, null) },
        { "apikey create hubspot", new ApiKeyCommand(ApiKeyAction.Create, "hubspot") },
        { "apikey revoke \"sales force\"", new ApiKeyCommand(ApiKeyAction.Revoke, "sales force") },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parse_Example_GivesCommand(string text, ChatCommand expected) =>
        Assert.Equal(expected, Parse(text).Command);

    [Theory]
    [InlineData("jar year", "I can't read 'year' as a period")]
    [InlineData("jar wek", "Did you mean")]
    [InlineData("jar week month", "doesn't take anything else")]
    [InlineData("jar 2026-12-31..2026-10-01", "ends before it starts")]
    [InlineData("jar 2026-02-30..2026-03-01", "isn't a date range")]
    [InlineData("jar 2010-01-01..2026-01-01", "limited to 3660 days")]
    [InlineData("why", "Ask `why lost`")]
    [InlineData("why won", "Ask `why lost`")]
    [InlineData("apikey create", "Name the key")]
    [InlineData("apikey rotate x", "use create or revoke")]
    [InlineData("apikey create a b", "doesn't take anything else")]
    public void Parse_BadInput_SaysWhatIsWrong(string text, string expected)
    {
        var result = Parse(text);
        Assert.Null(result.Command);
        Assert.Contains(expected, result.Error, StringComparison.OrdinalIgnoreCase);
    }
}
