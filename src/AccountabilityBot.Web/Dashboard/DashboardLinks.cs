using System.Globalization;
using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Domain;
using Microsoft.AspNetCore.WebUtilities;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>Links between the dashboard's pages, keeping a page's filters in its URL.</summary>
public static class DashboardLinks
{
    /// <summary>This page's URL with <paramref name="changes"/> set (a null value removes the key); the rest of its query kept.</summary>
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes) query[key] = value;
        return QueryHelpers.AddQueryString(request.Path, query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    public const string Patterns = "/dashboard/frontline/patterns";

    /// <summary>The commitment board filtered as its form would: <c>/dashboard/commitments?owner=3&amp;status=overdue</c>.</summary>
    public static string Board(int? owner, int? stage, string status)
    {
        var query = new Dictionary<string, string?>();
        if (owner is { } o) query["owner"] = o.ToString(CultureInfo.InvariantCulture);
        if (stage is { } s) query["stage"] = s.ToString(CultureInfo.InvariantCulture);
        query["status"] = status;
        return QueryHelpers.AddQueryString("/dashboard/commitments", query);
    }

    /// <summary>Where a cited record is shown; null for a lost-customer story, which has no page of its own.</summary>
    public static string? Of(RecordLink link) => link.Kind switch
    {
        Refs.Stop => $"/dashboard/stop-list#{link.Ref}",
        Refs.Commitment => $"/dashboard/commitments?status=all#{link.Ref}",
        Refs.Decision => $"/dashboard/decisions#{link.Ref}",
        Refs.Touchpoint => $"/dashboard/reliability#{link.Ref}",
        Refs.Pattern => $"{Patterns}#{link.Ref}",
        _ => null,
    };
}
