using AccountabilityBot.Core.Grammar;

namespace AccountabilityBot.Core.Tests.Grammar;

public sealed class AmountsTests
{
    [Theory]
    [InlineData("36000", "36000")]
    [InlineData("36,000", "36000")]
    [InlineData("$36,000", "36000")]
    [InlineData("36k", "36000")]
    [InlineData("36K", "36000")]
    [InlineData("1.5m", "1500000")]
    [InlineData("2b", "2000000000")]
    [InlineData("25.50", "25.50")]
    [InlineData("$1,250,000.75", "1250000.75")]
    [InlineData("€99", "99")]
    [InlineData("0", "0")]
    [InlineData("1000000000000", "1000000000000")]
    public void Read_MoneyAsTyped_ReturnsDecimal(string text, string expected)
    {
        var amount = Amounts.Read(text, "value", out var problem);

        Assert.Null(problem);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("-5", "value can't be negative")]
    [InlineData("$-5", "value can't be negative")]
    [InlineData("-1.5k", "value can't be negative")]
    [InlineData("abc", "value must be a number like 36000")]
    [InlineData("k", "value must be a number")]
    [InlineData("1,2,3", "value must be a number")]
    [InlineData("36.000,50", "value must be a number")]
    [InlineData("1000000000001", "value is too large")]
    [InlineData("1001b", "value is too large")]
    [InlineData("99999999999999999999999999999999", "value is too large")]
    public void Read_BadAmount_ExplainsWhy(string text, string expectedProblem)
    {
        var amount = Amounts.Read(text, "value", out var problem);

        Assert.Null(amount);
        Assert.Contains(expectedProblem, problem);
    }
}
