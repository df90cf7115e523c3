using System.Globalization;

namespace AccountabilityBot.Core.Common;

/// <summary>Whole numbers and plain dates, the way the book asks leaders to talk.</summary>
public static class Format
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"$240,000" — whole units, no ratio, no cents.</summary>
    public static string Money(decimal amount, string symbol = "$") =>
        (amount < 0 ? "-" : "") + symbol + Math.Round(Math.Abs(amount), 0, MidpointRounding.AwayFromZero).ToString("#,0", Invariant);

    public static string Count(int n, string singular, string? plural = null) =>
        $"{Number(n)} {(n == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>"1,204".</summary>
    public static string Number(int n) => n.ToString("#,0", Invariant);

    public static string Date(DateOnly d) => d.ToString("ddd d MMM yyyy", Invariant);

    /// <summary>"2 Dec 2026", "16–22 Nov 2026", "30 Nov – 6 Dec 2026" or "28 Dec 2026 – 3 Jan 2027".</summary>
    public static string Range(DateOnly from, DateOnly to) =>
        from == to ? to.ToString("d MMM yyyy", Invariant)
        : from.Year != to.Year ? $"{from.ToString("d MMM yyyy", Invariant)} – {to.ToString("d MMM yyyy", Invariant)}"
        : from.Month != to.Month ? $"{from.ToString("d MMM", Invariant)} – {to.ToString("d MMM yyyy", Invariant)}"
        : $"{from.Day}–{to.ToString("d MMM yyyy", Invariant)}";

    public static string Status(Domain.CommitmentStatus s) => s switch
    {
        Domain.CommitmentStatus.OnTrack => "on track",
        Domain.CommitmentStatus.AtRisk => "at risk",
        _ => s.ToString().ToLowerInvariant(),
    };
}
