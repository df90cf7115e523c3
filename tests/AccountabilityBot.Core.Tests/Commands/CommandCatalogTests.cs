using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Grammar;
using static AccountabilityBot.Core.Tests.Commands.ParserTestContext;

namespace AccountabilityBot.Core.Tests.Commands;

public sealed class CommandCatalogTests
{
    public static TheoryData<string> Verbs => new(CommandCatalog.All.Select(v => v.Verb));

    [Fact]
    public void All_CoversExactlyTheVerbsTheParserKnows()
    {
        Assert.Equal(CommandParser.VerbNames.Order(), CommandCatalog.All.Select(v => v.Verb).Order());
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Example_ForEveryVerb_Parses(string verb)
    {
        var help = CommandCatalog.Find(verb)!;

        var result = Parse(help.Example);

        Assert.True(result.Succeeded, $"{help.Example} => {result.Error}");
        Assert.StartsWith(verb, help.Usage);
        Assert.False(string.IsNullOrWhiteSpace(help.Description));
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Parse_HelpForEveryVerb_NamesThatVerb(string verb)
    {
        var result = Parse("help " + verb.ToUpperInvariant());

        Assert.Equal(new HelpCommand(verb), result.Command);
    }

    [Theory]
    [InlineData("COMMIT", "commit")]
    [InlineData(" stop ", "stop")]
    public void Find_AnyCase_FindsTheVerb(string asked, string expected)
    {
        Assert.Equal(expected, CommandCatalog.Find(asked)?.Verb);
    }

    [Theory]
    [InlineData("dcide")]
    [InlineData("")]
    public void Find_UnknownVerb_ReturnsNull(string asked)
    {
        Assert.Null(CommandCatalog.Find(asked));
    }
}
