namespace AccountabilityBot.Core.Dashboard;

/// <summary>One page of a long list, numbered from 1, with how many there are in all.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PerPage, int Total)
{
    public int Pages => Math.Max(1, (Total + PerPage - 1) / PerPage);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < Pages;

    /// <summary>Rows to skip for <paramref name="page"/>; a page before the first is the first.</summary>
    public static int Skip(int page, int perPage) => (Math.Max(1, page) - 1) * perPage;
}
