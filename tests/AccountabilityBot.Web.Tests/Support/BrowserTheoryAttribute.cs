namespace AccountabilityBot.Web.Tests.Support;

/// <summary>The same as <see cref="BrowserFactAttribute"/> for a theory (one row per page, say).</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!SystemChromium.IsInstalled && !SystemChromium.IsRequired) Skip = SystemChromium.SkipReason;
    }
}
