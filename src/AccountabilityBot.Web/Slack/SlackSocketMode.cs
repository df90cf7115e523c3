using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// Socket Mode: with Slack:AppToken set, the bot dials out to Slack over a WebSocket (apps.connections.open), so it
/// needs no public URL. Every envelope is acknowledged by its envelope_id, with the response payload where Slack
/// accepts one, and goes through the same <see cref="SlackInbound"/> pipeline as HTTP. On `disconnect` (Slack
/// refreshes connections regularly) or a dropped socket it reconnects, backing off while Slack cannot be reached.
/// Slack:SocketConnections connections are kept; an envelope is acknowledged on the one it came on, and one delivered
/// again (on another connection or instance) is recorded once: the inbox's delivery id comes from the payload.
/// </summary>
public sealed class SlackSocketMode(IServiceScopeFactory scopes, IOptions<SlackSettings> options, ILogger<SlackSocketMode> log) : BackgroundService
{
    static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    int connections;

    /// <summary>Connections made so far; tests and logs use it to see reconnects.</summary>
    public int Connections => Volatile.Read(ref connections);

    protected override Task ExecuteAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.SocketConnections).Select(_ => KeepConnectedAsync(stop)));

    async Task KeepConnectedAsync(CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                Uri url;
                await using (var scope = scopes.CreateAsyncScope())
                    url = await scope.ServiceProvider.GetRequiredService<SlackWebApi>().OpenSocketAsync(stop);
                using var socket = new ClientWebSocket();
                // Pings with a deadline: a connection that silently died is noticed and replaced within seconds.
                socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
                socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(10);
                await socket.ConnectAsync(url, stop);
                Interlocked.Increment(ref connections);
                failures = 0;
                var reason = await new SlackSocketConnection(socket, scopes, log).RunAsync(stop);
                if (reason == "socket_mode_disabled")
                {
                    log.LogError("Slack says Socket Mode is turned off for this app; " +
                        "turn it on (Socket Mode page) or remove Slack:AppToken and use request URLs.");
                    return;
                }
                log.LogInformation("Socket Mode connection closed ({Reason}); reconnecting", reason);
                continue;
            }
            catch (ChatDeliveryException ex) when (ex.Permanent)
            {
                log.LogError("Socket Mode cannot connect: {Advice} Check Slack:AppToken (xapp-…, scope connections:write).", ex.Advice);
                return;
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                log.LogWarning("Socket Mode connection failed ({Error}); retrying", ex.Message);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            failures++;
            var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1)));
            try { await Task.Delay(delay, stop); }
            catch (OperationCanceledException) { return; }
        }
    }
}

/// <summary>One WebSocket to Slack: reads frames, hands envelopes to the pipeline, sends acks one at a time.</summary>
sealed class SlackSocketConnection(WebSocket socket, IServiceScopeFactory scopes, ILogger log)
{
    readonly SemaphoreSlim sending = new(1, 1);

    /// <returns>Why the connection ended: a disconnect reason, or "closed".</returns>
    public async Task<string> RunAsync(CancellationToken stop)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open && !stop.IsCancellationRequested)
        {
            var frame = await socket.ReceiveAsync(buffer, stop);
            if (frame.MessageType == WebSocketMessageType.Close) return "closed";
            message.Write(buffer, 0, frame.Count);
            if (!frame.EndOfMessage) continue;
            var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            if (SlackJson.Parse(text) is not { } envelope) continue;
            switch (envelope.Str("type"))
            {
                case "hello":
                    log.LogInformation("Connected to Slack over Socket Mode");
                    break;
                case "disconnect":
                    await CloseQuietlyAsync();
                    return envelope.Str("reason") ?? "disconnect";
                default:
                    if (envelope.Str("envelope_id") is { } id)
                        _ = Task.Run(() => HandleAsync(id, envelope, stop), stop);
                    break;
            }
        }
        return "closed";
    }

    async Task HandleAsync(string envelopeId, JsonElement envelope, CancellationToken stop)
    {
        JsonObject? payload = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var inbound = scope.ServiceProvider.GetRequiredService<SlackInbound>();
            var body = envelope.TryGetProperty("payload", out var p) ? p : default;
            var ack = envelope.Str("type") switch
            {
                "slash_commands" => await inbound.CommandAsync(SlashCommand.From(name => body.Str(name))),
                "events_api" => await inbound.EventAsync(body, body.GetRawText(),
                    envelope.TryGetProperty("retry_attempt", out var r) && r.TryGetInt32(out var n) ? n : 0),
                "interactive" => await inbound.InteractionAsync(body, stop),
                _ => SlackAck.Empty,
            };
            payload = ack.Body;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Still acknowledged below: a retry of a payload that failed here would fail the same way.
            log.LogError(ex, "Socket Mode envelope {EnvelopeId} failed", envelopeId);
        }
        var reply = new JsonObject { ["envelope_id"] = envelopeId };
        if (payload is not null) reply["payload"] = payload;
        await SendAsync(reply.ToJsonString(), stop);
    }

    async Task SendAsync(string text, CancellationToken stop)
    {
        await sending.WaitAsync(stop);
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, stop);
        }
        finally
        {
            sending.Release();
        }
    }

    async Task CloseQuietlyAsync()
    {
        try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", CancellationToken.None); }
        catch (WebSocketException) { }
    }
}
