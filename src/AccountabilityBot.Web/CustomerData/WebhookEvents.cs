using System.Text.Json;
using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Web.Hosting;

namespace AccountabilityBot.Web.CustomerData;

/// <summary>
/// Reads a webhook body: one event object, an array of them, or <c>{"events": [...]}</c>. Property names are the
/// canonical CSV names in camelCase; values may be strings or numbers. "Line" in a report is the event's position (1-based).
/// </summary>
public static class WebhookEvents
{
    public static readonly RawEvent Columns = new("date", "type", "customerId", "customerName", "customerGroup", "annualValue",
        "currency", "reason", "story", "referredBy", "externalId");

    /// <summary>The events, or null with a reason when the body is not JSON of that shape or has too many events.</summary>
    public static List<SourceRow>? Read(ReadOnlyMemory<byte> body, int maxEvents, out string? problem)
    {
        problem = JsonInput.Problem(body.Span);
        if (problem is not null) return null;
        using (var document = JsonDocument.Parse(body))
        {
            var root = document.RootElement;
            List<JsonElement> list;
            if (root.ValueKind == JsonValueKind.Array) list = [.. root.EnumerateArray()];
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array)
                list = [.. events.EnumerateArray()];
            else if (root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("events", out _)) list = [root];
            else { problem = "Send an event object, an array of events, or {\"events\": [...]}."; return null; }
            if (list.Count == 0) { problem = "There are no events in the body."; return null; }
            if (list.Count > maxEvents) { problem = $"{list.Count:N0} events in one request; send at most {maxEvents:N0} at a time."; return null; }
            if (list.Any(e => e.ValueKind != JsonValueKind.Object))
            {
                problem = "Every event must be a JSON object.";
                return null;
            }
            return [.. list.Select((e, i) => new SourceRow(i + 1, new RawEvent(
                Text(e, Columns.Date!), Text(e, Columns.Type!), Text(e, Columns.CustomerId!), Text(e, Columns.CustomerName!),
                Text(e, Columns.CustomerGroup!), Text(e, Columns.AnnualValue!), Text(e, Columns.Currency!), Text(e, Columns.Reason!),
                Text(e, Columns.Story!), Text(e, Columns.ReferredBy!), Text(e, Columns.ExternalId!))))];
        }
    }

    static string? Text(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) ? null : v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.Null => null,
            _ => v.GetRawText(), // an object where text belongs is reported as the bad value it is
        };

    public static async IAsyncEnumerable<SourceRow> AsAsync(IEnumerable<SourceRow> rows)
    {
        foreach (var row in rows) yield return row;
        await Task.CompletedTask;
    }
}
