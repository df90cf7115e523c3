using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>Slack's external file upload, as documented: get an upload URL, POST the bytes there, complete the upload.</summary>
public sealed partial class FakeSlack
{
    const string UploadPath = "/upload/v1/";

    /// <summary>Where upload URLs point: Slack's file host, or a loopback address for a bot in another process.</summary>
    public string UploadUrlBase { get; set; } = "https://files.slack.com";

    /// <summary>A file as Slack holds it: what getUploadURLExternal was told, the bytes that arrived, and whether it was completed.</summary>
    public sealed record SlackFile(string Id, string Filename, int Length, string? AltText)
    {
        public byte[]? Bytes { get; set; }
        public string? Title { get; set; }
        public bool Completed { get; set; }
        public JsonNode? Shares { get; set; }
    }

    public ConcurrentDictionary<string, SlackFile> Files { get; } = new();

    /// <summary>The next this-many posts naming an uploaded file are refused with invalid_blocks, as while Slack still processes it.</summary>
    public int FilesStillProcessing;

    int nextFile;

    HttpResponseMessage FilesCall(string method, JsonObject args)
    {
        if (MissingScopes.Contains("files:write"))
            return Ok(new JsonObject
            {
                ["ok"] = false, ["error"] = "missing_scope", ["needed"] = "files:write",
                ["provided"] = "commands,chat:write,app_mentions:read,channels:history,groups:history,im:history,im:write,users:read",
            });
        if (method == "files.getUploadURLExternal")
        {
            if (!int.TryParse((string?)args["length"], CultureInfo.InvariantCulture, out var length) || (string?)args["filename"] is not { Length: > 0 } name)
                return Ok(new JsonObject { ["ok"] = false, ["error"] = "invalid_arguments" });
            var id = $"F{Interlocked.Increment(ref nextFile):D9}";
            Files[id] = new SlackFile(id, name, length, (string?)args["alt_txt"]);
            return Ok(new JsonObject { ["ok"] = true, ["upload_url"] = $"{UploadUrlBase}{UploadPath}{id}", ["file_id"] = id });
        }
        var listed = JsonNode.Parse((string?)args["files"] ?? "[]")!.AsArray();
        var done = new JsonArray();
        foreach (var f in listed)
        {
            if (f?["id"]?.GetValue<string>() is not { } fileId || !Files.TryGetValue(fileId, out var file) || file.Bytes is null)
                return Ok(new JsonObject { ["ok"] = false, ["error"] = "file_not_found" });
            file.Title = f["title"]?.GetValue<string>();
            file.Completed = true;
            file.Shares = args["channel_id"] is { } shared ? shared.DeepClone() : null;
            done.Add(new JsonObject { ["id"] = fileId, ["title"] = file.Title });
        }
        return Ok(new JsonObject { ["ok"] = true, ["files"] = done });
    }

    /// <summary>The upload URL: Slack answers "OK - length" and refuses bytes that do not match the announced length.</summary>
    async Task<HttpResponseMessage> UploadAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var id = request.RequestUri!.Segments[^1];
        var bytes = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(ct);
        var args = new JsonObject { ["file"] = id, ["length"] = bytes.Length };
        if (!Files.TryGetValue(id, out var file) || file.Length != bytes.Length)
            return Record("file_upload", request.Headers.Authorization?.Parameter, args,
                new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("length mismatch") });
        file.Bytes = bytes;
        return Record("file_upload", request.Headers.Authorization?.Parameter, args,
            new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($"OK - {bytes.Length}") });
    }

    /// <summary>An image block may show only a completed file the bot uploaded; one still processing is refused for a while.</summary>
    HttpResponseMessage? ImageProblem(JsonObject args)
    {
        var ids = (args["blocks"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(b => (string?)b["type"] == "image").Select(b => (string?)b["slack_file"]?["id"]).ToList();
        if (ids.Count == 0) return null;
        if (ids.Any(id => id is null || !Files.TryGetValue(id, out var f) || !f.Completed) || Interlocked.Decrement(ref FilesStillProcessing) >= 0)
            return Ok(new JsonObject
            {
                ["ok"] = false, ["error"] = "invalid_blocks", ["errors"] = new JsonArray("invalid slack file [json-pointer:/blocks/0/slack_file]"),
            });
        return null;
    }
}
