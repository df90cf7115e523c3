using System.Reflection;
using System.Text.Json;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Charts;
using AccountabilityBot.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Local;

/// <summary>The local channel: chat with the bot over plain HTTP or in the browser at /local, with no Slack or Teams.</summary>
public static class LocalChannelApi
{
    const int MaxNameLength = 64;
    const int TranscriptLimit = 200;

    public static RouteGroupBuilder MapLocalChannelApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/local").WithTags("Local channel");
        group.MapPost("/messages", PostAsync);
        group.MapGet("/messages", GetAsync);
        group.MapGet("/members", async (AppDbContext db, CancellationToken ct) =>
            (await db.Members.AsNoTracking().Where(m => m.Platform == ChatPlatform.Local).OrderBy(m => m.DisplayName).ToListAsync(ct))
                .Select(m => new LocalMember(m.PlatformUserId, m.DisplayName, m.Role.ToString().ToLowerInvariant())));
        group.MapGet("", () => Results.Stream(Page(), "text/html; charset=utf-8"));
        return group;
    }

    static async Task<IResult> PostAsync(HttpRequest http, CommandWriter writer, ChartLinks charts, ILogger<LocalTranscript> log)
    {
        // Read and checked here rather than bound: binding would let text that is not UTF-8 and a key given twice through.
        var (request, problem) = await JsonInput.ReadAsync<LocalMessageRequest>(
            http, RequestBody.MaxBytes, JsonSerializerOptions.Web, http.HttpContext.RequestAborted);
        if (problem is not null) return problem;
        if (request is null) return Problem("Send JSON like {\"user\":\"ana\",\"channel\":\"leadership\",\"text\":\"help\"}.");
        var user = request.User?.Trim().ToLowerInvariant();
        var channel = request.Channel?.Trim();
        if (string.IsNullOrEmpty(user) || user.Length > MaxNameLength || user.Any(char.IsWhiteSpace))
            return Problem("'user' must be a short name with no spaces, like \"ana\".");
        if (string.IsNullOrEmpty(channel) || channel.Length > MaxNameLength)
            return Problem("'channel' must name a conversation, like \"leadership\" or \"dm:ana\".");
        var inbound = new InboundCommand(ChatPlatform.Local, channel, user, request.Text ?? "",
            DeliveryId: string.IsNullOrWhiteSpace(request.Id) ? null : request.Id, UserName: request.User!.Trim());
        // Through the group-commit writer, like Slack's commands: durable before answered, and it finishes even if the
        // caller hangs up.
        var outcome = await writer.RunAsync(inbound);
        if (outcome.Kind == OutcomeKind.NotStored)
        {
            // Not stored (the database down, or busy past its timeout): 503 with the reason, and the page puts the
            // text back in the box to send again. The writer has logged why.
            log.LogInformation("Local message from {User} was not stored; answered 503", user);
            return Results.Problem(outcome.Refusal, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not recorded");
        }
        return Results.Ok(new LocalReplyResponse(LocalReply.Of(outcome.Reply, charts.PathFor)));
    }

    static async Task<IResult> GetAsync(string? channel, LocalTranscript transcript, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(channel)
            ? Problem("Say which conversation: /local/messages?channel=leadership")
            : Results.Ok(await transcript.ReadAsync(channel.Trim(), TranscriptLimit, ct));

    static IResult Problem(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad local message");

    static Stream Page() => Assembly.GetExecutingAssembly().GetManifestResourceStream("AccountabilityBot.Web.Local.LocalPage.html")
        ?? throw new InvalidOperationException("The local chat page is missing from the build.");
}
