using System.Text;
using AccountabilityBot.Core.Exports;
using CsvHelper;

namespace AccountabilityBot.Core.Tests.Exports;

public sealed class CsvExportTests
{
    static async Task<string> WriteAsync(params string?[][] rows)
    {
        using var output = new MemoryStream();
        await CsvExport.WriteAsync(output, ["a", "b"], rows.ToAsyncEnumerable(), default);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("plain, with \"quotes\"\nand a line break", "plain, with \"quotes\"\nand a line break")]
    [InlineData("a=b is fine inside", "a=b is fine inside")]
    [InlineData("", "")]
    public async Task Write_ThenRead_NeutralisesFormulasAndKeepsEverythingElse(string cell, string readBack)
    {
        var csv = await WriteAsync(["x", cell]);
        using var reader = CsvReader.FromText(csv);
        Assert.Equal(["a", "b"], reader.Headers);
        Assert.True(reader.Read());
        Assert.Equal(("x", readBack), (reader.GetString(0), reader.GetString(1)));
        Assert.False(reader.Read());
    }

    [Fact]
    public async Task Write_QuotesOnlyWhatNeedsIt_WithCrlfRecords()
    {
        var csv = await WriteAsync(["one", "two, three"], [null, "say \"hi\""]);
        Assert.Equal("a,b\r\none,\"two, three\"\r\n,\"say \"\"hi\"\"\"\r\n", csv);
    }
}
