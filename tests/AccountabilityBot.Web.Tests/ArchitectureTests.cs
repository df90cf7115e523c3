using System.Reflection;
using AccountabilityBot.Core;
using AccountabilityBot.Web.Hosting;
using NetArchTest.Rules;

namespace AccountabilityBot.Web.Tests;

/// <summary>
/// The map in the README's "How it is built", as rules the build checks: the core knows no host, platform, scheduler or
/// database provider; Slack and Teams never reach into each other; only Jobs/ knows Hangfire, so job storage can change.
/// </summary>
public sealed class ArchitectureTests
{
    static readonly Assembly Core = typeof(CoreServices).Assembly;
    static readonly Assembly Web = typeof(AppFolder).Assembly;

    const string WebRoot = "AccountabilityBot.Web";

    static readonly string[] HostPlatformOrScheduler =
    [
        "Microsoft.AspNetCore", "Microsoft.Extensions.Hosting", "Microsoft.Data.Sqlite", "Microsoft.EntityFrameworkCore.Sqlite",
        "Npgsql", "Hangfire", "System.Net.Http", "Microsoft.IdentityModel", "SkiaSharp", WebRoot,
    ];

    [Fact]
    public void Core_UsesNoHostPlatformSchedulerOrProvider()
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny(HostPlatformOrScheduler).GetResult();

        Assert.True(result.IsSuccessful, "Core types that reach the edge: " + Names(result));
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, name => HostPlatformOrScheduler.Any(edge => name.StartsWith(edge, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Slack", "Teams")]
    [InlineData("Teams", "Slack")]
    [InlineData("Local", "Slack")]
    [InlineData("Local", "Teams")]
    public void PlatformAdapters_DoNotReferenceEachOther(string adapter, string other)
    {
        var result = Types.InAssembly(Web).That().ResideInNamespace($"{WebRoot}.{adapter}")
            .ShouldNot().HaveDependencyOn($"{WebRoot}.{other}").GetResult();

        Assert.True(result.IsSuccessful, $"{adapter} types that use {other}: " + Names(result));
    }

    [Fact]
    public void Drawing_AppearsOnlyInCharts_WhichServesEveryPlatformAndUsesNone()
    {
        var drawing = Types.InAssembly(Web).That().HaveDependencyOn("SkiaSharp").Should().ResideInNamespace($"{WebRoot}.Charts").GetResult();
        var platforms = Types.InAssembly(Web).That().ResideInNamespace($"{WebRoot}.Charts")
            .ShouldNot().HaveDependencyOnAny($"{WebRoot}.Slack", $"{WebRoot}.Teams", $"{WebRoot}.Local").GetResult();

        Assert.True(drawing.IsSuccessful, "SkiaSharp used outside Charts/: " + Names(drawing));
        Assert.True(platforms.IsSuccessful, "Charts/ types that use a platform: " + Names(platforms));
        Assert.NotEmpty(Types.InAssembly(Web).That().ResideInNamespace($"{WebRoot}.Charts").And().HaveDependencyOn("SkiaSharp").GetTypes());
    }

    [Fact]
    public void Hangfire_AppearsOnlyInJobs()
    {
        var result = Types.InAssembly(Web).That().HaveDependencyOn("Hangfire")
            .Should().ResideInNamespace($"{WebRoot}.Jobs").GetResult();

        Assert.True(result.IsSuccessful, "Hangfire used outside Jobs/: " + Names(result));
    }

    [Fact]
    public void Rules_SeeTheDependenciesTheyGuard()
    {
        // A rule that matched nothing would pass whatever the code did: each must see the types it is about.
        Assert.NotEmpty(Types.InAssembly(Web).That().HaveDependencyOn("Hangfire").GetTypes());
        Assert.NotEmpty(Types.InAssembly(Web).That().ResideInNamespace($"{WebRoot}.Slack").And().HaveDependencyOn("AccountabilityBot.Core").GetTypes());
        Assert.NotEmpty(Types.InAssembly(Web).That().ResideInNamespace($"{WebRoot}.Teams").And().HaveDependencyOn("Microsoft.IdentityModel").GetTypes());
        Assert.NotEmpty(Types.InAssembly(Core).That().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetTypes());
    }

    static string Names(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);
}
