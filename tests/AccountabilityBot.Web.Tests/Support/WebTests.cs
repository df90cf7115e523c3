namespace AccountabilityBot.Web.Tests.Support;

/// <summary>Host tests run one at a time: each starts a Hangfire server, and the machine has two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WebTests
{
    public const string Name = "web host";
}
