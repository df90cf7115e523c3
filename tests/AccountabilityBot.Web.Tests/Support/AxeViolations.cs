using Deque.AxeCore.Commons;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>axe's violations that a page must not have (serious and critical), written out for a person to fix.</summary>
public static class AxeViolations
{
    static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>One paragraph per blocking violation: the rule, its impact and help, then each element and what is wrong with it.</summary>
    public static string Describe(IEnumerable<AxeResultItem> violations) => string.Join("\n", violations
        .Where(v => Blocking.Contains(v.Impact))
        .Select(v => $"- {v.Id} ({v.Impact}): {v.Help} [{v.HelpUrl}]\n" + string.Join("\n", v.Nodes.Select(Node))));

    static string Node(AxeResultNode node)
    {
        var why = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m));
        var html = node.Html.Length > 160 ? node.Html[..160] + "…" : node.Html;
        return $"    {node.Target}: {html}\n      {string.Join("; ", why)}";
    }
}
