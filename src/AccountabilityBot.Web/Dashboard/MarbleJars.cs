using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// The marble jar as a picture: two jars side by side, a green marble for each customer won and a red one for each lost,
/// drawn as inline SVG on the server (no script, no image request). Past <see cref="MaxMarbles"/> a marble stands for
/// several customers, the same number in both jars so they still compare; the picture says so in its text equivalent.
/// </summary>
public static class MarbleJars
{
    public const int MaxMarbles = 100;
    const int Columns = 10, Step = 13, JarWidth = 160, JarTop = 20, Floor = 228;

    /// <summary>Customers per marble: 1 until a jar would overflow.</summary>
    public static int PerMarble(int won, int lost) => Math.Max(1, (Math.Max(won, lost) + MaxMarbles - 1) / MaxMarbles);

    public static IHtmlContent Render(int won, int lost, string id)
    {
        var per = PerMarble(won, lost);
        var each = per == 1 ? "" : $" Each marble stands for {per.ToString("#,0", CultureInfo.InvariantCulture)} customers.";
        var label = $"The marble jar: {Count(won)} won, {Count(lost)} lost.{each}";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"jars\" viewBox=\"0 0 400 270\" role=\"img\" aria-labelledby=\"{id}-title\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{HtmlEncoder.Default.Encode(label)}</title>");
        Jar(svg, 20, "Won", won, per, "won");
        Jar(svg, 220, "Lost", lost, per, "lost");
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    static void Jar(StringBuilder svg, int x, string name, int count, int per, string kind)
    {
        var marbles = (count + per - 1) / per;
        svg.Append(CultureInfo.InvariantCulture,
            $"<path class=\"jar\" d=\"M{x + 30} {JarTop}h100v18q30 12 30 42v150q0 18 -18 18h-124q-18 0 -18 -18v-150q0 -30 30 -42z\"/>");
        for (var i = 0; i < marbles; i++)
        {
            var (row, column) = Math.DivRem(i, Columns);
            var cx = x + 22 + column * Step;
            var cy = Floor - 10 - row * Step;
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"marble {kind}\" cx=\"{cx}\" cy=\"{cy}\" r=\"5.5\"/>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + JarWidth / 2}\" y=\"262\" text-anchor=\"middle\">{name}: {Count(count)}</text>");
    }

    static string Count(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
