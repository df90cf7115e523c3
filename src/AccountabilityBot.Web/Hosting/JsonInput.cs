using System.Text.Json;
using AccountabilityBot.Web.CustomerData;

namespace AccountabilityBot.Web.Hosting;

/// <summary>
/// One pass over a JSON body before anything trusts it: its syntax, text that is not UTF-8 (raw bytes, or an escaped
/// lone surrogate) in a value or a key, and a key given twice in one object. System.Text.Json checks none of the last
/// two up front: reading such a string throws wherever a handler happens to read it, and the last duplicate silently wins.
/// </summary>
public static class JsonInput
{
    public const int MaxDepth = 64;

    /// <summary>
    /// A JSON body of at most <paramref name="max"/> bytes, checked and bound to <typeparamref name="T"/>; or the 4xx
    /// problem saying what is wrong with it (media type, size, syntax, text, duplicate keys, types).
    /// </summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, long max, JsonSerializerOptions options, CancellationToken ct)
    {
        if (!request.HasJsonContentType()) return (default, UnsupportedMediaType);
        var body = await RequestBody.ReadAsync(request, max, ct);
        if (body is null) return (default, ApiProblems.TooLarge(max));
        if (Problem(body) is { } problem) return (default, ApiProblems.BadRequest(problem));
        try { return (JsonSerializer.Deserialize<T>(body, options), null); }
        catch (JsonException e) { return (default, ApiProblems.BadRequest(Describe(e))); }
    }

    // A new result each time: writing a problem stamps its trace id into it.
    public static IResult UnsupportedMediaType => ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
        "Send the body as JSON, with Content-Type: application/json.");

    /// <summary>What the serializer found, in words, with where (line and byte counted from 1, and the JSON path).</summary>
    public static string Describe(JsonException e) =>
        e.Message.Split(" LineNumber:")[0].Split(" Path:")[0]
        // The serializer wraps what the reader found (text that is not UTF-8, a token of the wrong type) without saying it.
        + (e.InnerException is InvalidOperationException inner ? " " + inner.Message : "")
        + (e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1}, at {e.Path})" : "");

    /// <summary>Null when the body is sound; otherwise what is wrong and where (line and byte, counted from 1).</summary>
    public static string? Problem(ReadOnlySpan<byte> json)
    {
        if (json.Trim(" \t\r\n"u8).IsEmpty) return "The body is empty; send JSON.";
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        var objects = new Stack<HashSet<string>>();
        string? key = null;
        try
        {
            while (reader.Read())
            {
                var at = reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        objects.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        objects.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        if (!TryText(ref reader, out var name)) return $"A key at {Where(json, at)} is not valid UTF-8 text.";
                        if (!objects.Peek().Add(name))
                            return $"The key '{name}' appears twice in one object (again at {Where(json, at)}); send each key once.";
                        key = name;
                        continue;
                    case JsonTokenType.String when !TryText(ref reader, out _):
                        return (key is null ? "A value" : $"The value of '{key}'") + $" at {Where(json, at)} is not valid UTF-8 text.";
                }
                key = null;
            }
        }
        catch (JsonException e)
        {
            var why = e.Message.Split(" LineNumber:")[0].Split(" Path:")[0];
            return $"The body is not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {why}";
        }
        return null;
    }

    static bool TryText(ref Utf8JsonReader reader, out string text)
    {
        // GetString is the only check the reader offers: it throws on bytes that are not UTF-8 and on a lone surrogate.
        try { text = reader.GetString() ?? ""; return true; }
        catch (InvalidOperationException) { text = ""; return false; }
    }

    static string Where(ReadOnlySpan<byte> json, long offset)
    {
        var before = json[..(int)offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return $"line {before.Count((byte)'\n') + 1}, byte {offset - lineStart + 1}";
    }
}
