using System.Text.Json.Nodes;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>Slack's published Block Kit limits (shared/research/slack.md §7), checked on what the bot would send.</summary>
public static class BlockKitLimits
{
    public static void AssertWithin(JsonArray blocks, int maxBlocks = 50)
    {
        Assert.InRange(blocks.Count, 1, maxBlocks);
        var actionIds = new HashSet<string>();
        foreach (var block in blocks.Select(b => b!.AsObject()))
        {
            switch ((string)block["type"]!)
            {
                case "header":
                    Assert.Equal("plain_text", (string?)block["text"]!["type"]);
                    Assert.InRange(Text(block["text"]).Length, 1, 150);
                    break;
                case "section":
                    if (block["text"] is { } text) Assert.InRange(Text(text).Length, 1, 3000);
                    if (block["fields"] is JsonArray fields)
                    {
                        Assert.InRange(fields.Count, 1, 10);
                        Assert.All(fields, f => Assert.InRange(Text(f).Length, 1, 2000));
                    }
                    break;
                case "actions":
                    var elements = block["elements"]!.AsArray();
                    Assert.InRange(elements.Count, 1, 25);
                    foreach (var e in elements)
                    {
                        Assert.InRange(Text(e!["text"]).Length, 1, 75);
                        Assert.InRange(((string)e["value"]!).Length, 1, 2000);
                        var id = (string)e["action_id"]!;
                        Assert.InRange(id.Length, 1, 255);
                        Assert.True(actionIds.Add(id), $"action_id {id} is repeated");
                    }
                    break;
                case "context":
                    Assert.InRange(block["elements"]!.AsArray().Count, 1, 10);
                    Assert.All(block["elements"]!.AsArray(), e => Assert.InRange(Text(e).Length, 1, 3000));
                    break;
                case "image":
                    // Either a public URL or an uploaded file, never both; alt text and title are plain text of at most 2000.
                    Assert.True(block["image_url"] is null != block["slack_file"] is null, "an image needs exactly one of image_url and slack_file");
                    if (block["slack_file"] is { } file) Assert.True(file["id"] is null != file["url"] is null, "slack_file needs exactly one of id and url");
                    Assert.InRange(((string)block["alt_text"]!).Length, 1, 2000);
                    if (block["title"] is { } title) Assert.InRange(Text(title).Length, 1, 2000);
                    break;
                case "divider" or "input":
                    break;
                default:
                    Assert.Fail($"Unexpected block type {block["type"]}");
                    break;
            }
        }
    }

    static string Text(JsonNode? node) => (string)node!["text"]!;
}
