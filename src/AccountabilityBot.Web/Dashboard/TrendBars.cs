using System.Globalization;
using System.Text;
using AccountabilityBot.Core.Customers.Metrics;
using Microsoft.AspNetCore.Html;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// The 12-week trend as inline SVG: customers won rise above the line, customers lost hang below it, one pair a week. The
/// table beside it on the page carries the same numbers as text, so the picture is hidden from screen readers.
/// </summary>
public static class TrendBars
{
    const int Width = 480, Half = 90, Slot = 40;

    public static IHtmlContent Render(IReadOnlyList<TrendWeek> weeks)
    {
        var top = Math.Max(1, weeks.Count == 0 ? 1 : weeks.Max(w => Math.Max(w.Won.Count, w.Lost.Count)));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"trend\" viewBox=\"0 0 {Width} {2 * Half + 30}\" aria-hidden=\"true\" focusable=\"false\">");
        for (var i = 0; i < weeks.Count; i++)
        {
            var x = i * Slot + 8;
            var up = Height(weeks[i].Won.Count, top);
            var down = Height(weeks[i].Lost.Count, top);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar won\" x=\"{x}\" y=\"{Half - up}\" width=\"24\" height=\"{up}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar lost\" x=\"{x}\" y=\"{Half}\" width=\"24\" height=\"{down}\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + 12}\" y=\"{2 * Half + 22}\" text-anchor=\"middle\">{weeks[i].From.ToString("d/M", CultureInfo.InvariantCulture)}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"0\" x2=\"{Width}\" y1=\"{Half}\" y2=\"{Half}\"/></svg>");
        return new HtmlString(svg.ToString());
    }

    static int Height(int count, int top) => count == 0 ? 0 : Math.Max(2, (int)Math.Round((Half - 4) * (double)count / top));
}
