using System.Reflection;
using AccountabilityBot.Web.Tests.Support;

namespace AccountabilityBot.Web.Tests;

/// <summary>
/// The browser tests are found by name (CONTRIBUTING: FullyQualifiedName~BrowserTests), and they need the shared
/// chromium, which only the web host collection provides.
/// </summary>
public sealed class BrowserTestNamesTests
{
    static readonly List<Type> Classes = [.. typeof(BrowserTestNamesTests).Assembly.GetTypes()
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<BrowserFactAttribute>() is not null
            || m.GetCustomAttribute<BrowserTheoryAttribute>() is not null))];

    [Fact]
    public void EveryClassWithBrowserTests_IsNamedSo_AndRunsInTheWebHostCollection()
    {
        Assert.NotEmpty(Classes);
        Assert.All(Classes, t =>
        {
            Assert.EndsWith("BrowserTests", t.Name);
            var collection = t.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType == typeof(CollectionAttribute));
            Assert.Equal(WebTests.Name, collection?.ConstructorArguments[0].Value);
        });
    }
}
