using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace AccountabilityBot.Web.Slack;

public sealed partial class SlackWebApi
{
    /// <summary>
    /// Uploads an image by Slack's external-upload flow: files.getUploadURLExternal, the bytes to the URL it gives,
    /// then files.completeUploadExternal with no channel. The file stays private to the bot, which then shows it in
    /// a message with an image block; so nothing is posted here, and no public URL is needed (Socket Mode works).
    /// </summary>
    /// <returns>The file's id, for an image block's slack_file.</returns>
    public async Task<string> UploadImageAsync(byte[] image, string filename, string title, string altText, CancellationToken ct)
    {
        var target = await CallFormAsync("files.getUploadURLExternal", new()
        {
            ["filename"] = filename,
            ["length"] = image.Length.ToString(CultureInfo.InvariantCulture),
            ["alt_txt"] = SlackMrkdwn.Trim(altText, BlockKit.ImageAltMax),
        }, ct);
        var uploadUrl = target.GetProperty("upload_url").GetString()!;
        var fileId = target.GetProperty("file_id").GetString()!;
        // The upload URL is itself the credential, like a response_url: the bot token is not sent there.
        await SendAsync(FileUpload, () => new HttpRequestMessage(HttpMethod.Post, uploadUrl)
        {
            Content = new ByteArrayContent(image) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } },
        }, null, ct);
        var files = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = title });
        await CallFormAsync("files.completeUploadExternal", new() { ["files"] = files.ToJsonString() }, ct);
        return fileId;
    }

    /// <summary>The upload step's name in errors and logs; its answer is plain text ("OK - 1234"), not Slack's JSON.</summary>
    const string FileUpload = "file_upload";
}
