namespace AccountabilityBot.Web.Tests.Support;

// Host tests run one at a time within each collection, and the two in-process ones (WebTests, ChatHostTests) side by
// side: a host test spends most of its time waiting (on Hangfire's polls, a fake platform), so two at once take little
// more than the longer. xunit.runner.json lifts xUnit's thread limit: under it, each host's background work (the
// outbox, the inbox sweep) would run on xUnit's two test threads, and stall while another collection's test held one.

/// <summary>
/// The dashboard, the customer data API, hosting and the rest. Browser tests share one chromium
/// (<see cref="SharedBrowser"/>), started by the first of them.
/// </summary>
[CollectionDefinition(Name)]
[DropFolderDatabases]
public sealed class WebTests : ICollectionFixture<SharedBrowser>
{
    public const string Name = "web host";
}

/// <summary>Slack, Teams and the local channel in process.</summary>
[CollectionDefinition(Name)]
[DropFolderDatabases]
public sealed class ChatHostTests
{
    public const string Name = "chat hosts";
}

/// <summary>
/// The real bot as child processes killed and restarted, several instances, and database outages: they run alone, after
/// the others, since each starts whole processes and waits on timings (leases, sweeps) that a crowded machine stretches.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
[DropFolderDatabases]
public sealed class BotProcessTests
{
    public const string Name = "bot processes";
}

/// <summary>
/// Tests of the bot's pace against a platform's limits, which compare the time between requests: they run alone, after
/// the others (and beside the other pass only), so that a starved host does not bunch its requests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
[DropFolderDatabases]
public sealed class PacedTests
{
    public const string Name = "paced";
}
