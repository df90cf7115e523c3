using AccountabilityBot.Core.Dashboard;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>What the pager partial draws: previous and next links that change only <see cref="Param"/> in the URL.</summary>
/// <param name="Label">What the pages hold, for the pager's accessible name ("Stories pages").</param>
public sealed record Pager(int Page, int Pages, string Param, string Label)
{
    public static Pager Of<T>(Paged<T> paged, string param, string label) => new(paged.Page, paged.Pages, param, label);
}
