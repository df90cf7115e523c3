namespace AccountabilityBot.Web.Tests.Local;

/// <summary>The local chat page ships inside the Web assembly and must work offline and never parse user text as HTML.</summary>
public sealed class LocalPageTests
{
    const string ResourceName = "AccountabilityBot.Web.Local.LocalPage.html";

    static string ReadPage()
    {
        using var stream = typeof(AccountabilityBot.Web.Persistence.SqliteAppDbContext).Assembly.GetManifestResourceStream(ResourceName);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public void LocalPage_Embedded_IsSelfContained()
    {
        var page = ReadPage();
        Assert.DoesNotContain("http://", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script src", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void LocalPage_Embedded_NeverWritesHtmlFromStrings()
    {
        var page = ReadPage();
        foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write" })
            Assert.DoesNotContain(sink, page);
        Assert.Contains("white-space: pre-wrap", page);
    }
}
