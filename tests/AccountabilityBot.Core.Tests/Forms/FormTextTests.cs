using AccountabilityBot.Core.Forms;

namespace AccountabilityBot.Core.Tests.Forms;

/// <summary>The one rule for typed text: one line, no double quote of any kind, trimmed, empty is absent.</summary>
public sealed class FormTextTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("\r\n \n", null)]
    [InlineData("  Fix onboarding  ", "Fix onboarding")]
    [InlineData("Fix the \"welcome\" emails", "Fix the 'welcome' emails")]
    [InlineData("\u201CSmart\u201D \u00ABquotes\u00BB \u201Etoo\u201F", "'Smart' 'quotes' 'too'")]
    [InlineData("line one\nline two\r\nline three", "line one line two line three")]
    [InlineData("  first  \n\n  second  ", "first second")]
    [InlineData("a\u2028b\u2029c\u0085d", "a b c d")]
    [InlineData("don't end a \"quote\" owner:@x", "don't end a 'quote' owner:@x")]
    public void Clean_TypedText_BecomesOneSafeLineOrNothing(string? typed, string? expected) => Assert.Equal(expected, FormText.Clean(typed));

    [Theory]
    [InlineData("2026-12-04", "2026-12-04")]
    [InlineData("08:00", "08:00")]
    [InlineData("L-5", "L-5")]
    [InlineData("Europe/London", "Europe/London")]
    [InlineData("<@U123>", "<@U123>")]
    [InlineData("Get help", "\"Get help\"")]
    [InlineData("<@U1|Maria Lopez>", "\"<@U1|Maria Lopez>\"")]
    [InlineData("it's", "\"it's\"")]
    public void Word_OneWordStaysBare_AnythingElseIsQuoted(string cleaned, string expected) => Assert.Equal(expected, FormText.Word(cleaned));

    [Theory]
    [InlineData(null, null)]
    [InlineData("maria", "@maria")]
    [InlineData("@maria", "@maria")]
    [InlineData("<@U123>", "<@U123>")]
    [InlineData("Me", "Me")]
    public void Person_ANameTyped_BecomesAnAtName(string? cleaned, string? expected) => Assert.Equal(expected, FormText.Person(cleaned));
}
