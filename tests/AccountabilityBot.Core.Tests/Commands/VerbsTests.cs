using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AccountabilityBot.Core.Tests.Commands.ParserTestContext;

namespace AccountabilityBot.Core.Tests.Commands;

/// <summary>The one list of verbs is whole: every verb parses, routes and runs, and nothing lives outside it.</summary>
public sealed class VerbsTests
{
    public static TheoryData<string> Names => new(Verbs.All.Select(v => v.Name));

    public static TheoryData<string> RoutedCommands => new(Verbs.Routes.Select(r => r.CommandType.Name));

    static readonly Type[] CoreTypes = typeof(Verbs).Assembly.GetTypes();

    [Theory]
    [MemberData(nameof(Names))]
    public void Example_OfEveryVerb_ParsesToACommandThatVerbRoutes(string name)
    {
        var verb = Verbs.Find(name)!;

        var result = Parse(verb.Example);

        Assert.True(result.Succeeded, $"{verb.Example} => {result.Error}");
        Assert.Contains(result.Command!.GetType(), verb.Routes.Select(r => r.CommandType));
    }

    [Fact]
    public void All_NoTwoVerbs_ShareAName()
    {
        var names = Verbs.All.Select(v => v.Name.ToLowerInvariant()).ToList();

        Assert.Equal(names.Distinct(), names);
    }

    [Fact]
    public void Routes_EveryCommandType_HasExactlyOneRoute()
    {
        var routed = Verbs.Routes.GroupBy(r => r.CommandType).ToList();

        Assert.All(routed, g => Assert.Single(g));
        var commands = CoreTypes.Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(ChatCommand)));
        Assert.Equal(commands.Select(t => t.Name).Order(), routed.Select(g => g.Key.Name).Order());
    }

    [Fact]
    public void Routes_EveryHandlerInCore_IsNamedByARoute()
    {
        var handlers = CoreTypes.Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces()
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommandHandler<>)));

        Assert.Equal(handlers.Select(t => t.Name).Order(), Verbs.Routes.Select(r => r.HandlerType.Name).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(RoutedCommands))]
    public async Task Registration_EveryRoute_ResolvesItsHandler(string command)
    {
        var route = Verbs.Routes.Single(r => r.CommandType.Name == command);
        using var core = new CoreHarness();

        var handler = await core.WithScopeAsync(sp =>
            Task.FromResult(sp.GetRequiredService(typeof(ICommandHandler<>).MakeGenericType(route.CommandType))));

        Assert.IsType(route.HandlerType, handler);
    }

    [Fact]
    public void Catalog_ListsEveryVerb_InTheListsOrder()
    {
        Assert.Equal(Verbs.All.Select(v => v.Name), CommandCatalog.All.Select(h => h.Verb));
        Assert.Equal("help", CommandCatalog.All[^1].Verb);
    }
}
