namespace AccountabilityBot.Web.Tests.Support;

/// <summary>A test in a real browser: skipped, saying why, where chromium is missing, unless in CI (see <see cref="SystemChromium"/>).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!SystemChromium.IsInstalled && !SystemChromium.IsRequired) Skip = SystemChromium.SkipReason;
    }
}
