using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.Tests.Grammar;

public sealed class TokenizerTests
{
    static List<Token> Tokens(string text) => Tokenizer.Tokenize(Tokenizer.Normalize(text));

    [Fact]
    public void Tokenize_SmartQuotesAndNbsp_ReadAsPlainQuotesAndSpaces()
    {
        var tokens = Tokens("lost\u00A0\u201CACME Dental\u201D reason:\u2018late trucks\u2019");

        Assert.Equal(["lost", "ACME Dental", "reason:'late trucks'"], tokens.Select(t => t.Text));
        Assert.True(tokens[1].Quoted);
        Assert.Equal(("reason", "late trucks", true), (tokens[2].Key, tokens[2].Value, tokens[2].ValueQuoted));
    }

    [Fact]
    public void Tokenize_ApostropheInsideWord_StaysPartOfTheWord()
    {
        var tokens = Tokens("decide Don't chase ACME's invoices");

        Assert.Equal(["decide", "Don't", "chase", "ACME's", "invoices"], tokens.Select(t => t.Text));
        Assert.All(tokens, t => Assert.False(t.Quoted));
    }

    [Fact]
    public void Tokenize_MentionWithSpacedDisplayName_IsOneWord()
    {
        var tokens = Tokens("role <@U1|Maria Lopez> cco owner:<@U2|Tom B>");

        Assert.Equal(["role", "<@U1|Maria Lopez>", "cco", "owner:<@U2|Tom B>"], tokens.Select(t => t.Text));
        Assert.Equal("<@U2|Tom B>", tokens[3].Value);
    }

    [Fact]
    public void Tokenize_UrlAndTime_AreNotSplitIntoKeys()
    {
        var tokens = Tokens("see https://x.io/a at 08:00");

        Assert.Equal("https", tokens[1].Key);
        Assert.Equal("https://x.io/a", tokens[1].Text);
        Assert.Null(tokens[3].Key); // "08" is not letters, so 08:00 is never an option
    }

    [Fact]
    public void Normalize_InvisibleAndControlCharacters_AreRemovedOrSpaced()
    {
        var text = Tokenizer.Normalize("\u200Fcommit\u0007Fix\u200B it\r\nnow");

        Assert.Equal("commit Fix it\nnow", text);
    }

    [Fact]
    public void Tokenize_UnclosedDoubleQuote_FailsFriendly()
    {
        var failure = Assert.Throws<ParseFailure>(() => Tokens("decide \"Ship it"));

        Assert.Contains("closing quote", failure.Message);
    }
}
