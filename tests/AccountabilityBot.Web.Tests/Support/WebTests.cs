namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// Host tests run one at a time: each starts a Hangfire server, and the machine has two cores. That also makes it safe
/// to drop the PostgreSQL pass's folder databases after each of them. Browser tests share one chromium
/// (<see cref="SharedBrowser"/>), started by the first of them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
[DropFolderDatabases]
public sealed class WebTests : ICollectionFixture<SharedBrowser>
{
    public const string Name = "web host";
}
