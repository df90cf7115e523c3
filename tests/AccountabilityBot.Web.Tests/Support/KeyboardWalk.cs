using Microsoft.Playwright;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// What pressing Tab through a page reached: <see cref="Order"/> lists the elements in the order they took focus,
/// <see cref="Unreached"/> the interactive ones that never did (see <see cref="BrowserPage.WalkByKeyboardAsync"/>).
/// </summary>
public sealed record KeyboardWalk(IReadOnlyList<string> Order, IReadOnlyList<string> Unreached)
{
    const string Mark = "data-keyboard-walk";

    // Marks each visible, enabled element a keyboard user must be able to reach, and names it for a failure message.
    const string MarkScript = """
        mark => {
          const describe = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id
            : " '" + (e.getAttribute("aria-label") || e.textContent || e.getAttribute("name") || "").trim().slice(0, 40) + "'");
          const all = [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]")]
            .filter(e => !e.disabled && e.tabIndex >= 0 && !e.closest("[inert]") && e.checkVisibility({ visibilityProperty: true }));
          all.forEach((e, i) => e.setAttribute(mark, String(i)));
          window.__describeForKeyboardWalk = describe;
          return all.map(describe);
        }
        """;

    const string FocusedScript = """
        mark => {
          const e = document.activeElement;
          if (!e || e === document.body || e === document.documentElement) return null;
          return (e.getAttribute(mark) ?? "") + "\n" + window.__describeForKeyboardWalk(e);
        }
        """;

    internal static async Task<KeyboardWalk> RunAsync(IPage page)
    {
        var wanted = await page.EvaluateAsync<string[]>(MarkScript, Mark);
        // Room for every element once, and a few stops that are not in the list (a focusable region, an iframe).
        var maxTabs = wanted.Length + 5;
        // A date field takes a Tab for each of its parts (month, day, year) while keeping focus: those stops are extra.
        const int MaxPartsPerField = 4;
        var parts = 0;
        // Start from the top of the document, as a person arriving on the page does.
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        var order = new List<string>();
        var reached = new HashSet<string>();
        var seen = new HashSet<string>();
        string? last = null;
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string?>(FocusedScript, Mark);
            if (focused is null)
            {
                if (order.Count > 0) break; // focus left the page after its last element
                continue;
            }
            var (index, name) = (focused[..focused.IndexOf('\n')], focused[(focused.IndexOf('\n') + 1)..]);
            var key = index.Length > 0 ? index : "name:" + name;
            if (order.Count > 0 && key == last && parts < MaxPartsPerField)
            {
                parts++;
                maxTabs++;
                continue;
            }
            parts = 0;
            last = key;
            if (!seen.Add(key)) break; // round again
            order.Add(name);
            if (index.Length > 0) reached.Add(index);
        }
        var unreached = wanted.Where((_, index) => !reached.Contains(index.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return new KeyboardWalk(order, unreached);
    }
}
