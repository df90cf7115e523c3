using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// Slack's Socket Mode end on loopback (a real Kestrel WebSocket server): greets each connection with `hello`, then
/// sends whatever the test queues (on the latest connection, or on the one it names), and records every frame the bot
/// sends back with the connection it came on.
/// </summary>
public sealed class FakeSocketModeServer : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentQueue<(int Connection, JsonObject Frame)> received = new();
    readonly ConcurrentDictionary<int, WebSocket> sockets = new();
    readonly SemaphoreSlim connected = new(0);
    WebSocket? current;

    public int ConnectionCount;
    public IReadOnlyList<JsonObject> Received => [.. received.Select(r => r.Frame)];

    /// <summary>What the bot sent back on one connection (numbered from 1, in the order they were made).</summary>
    public IReadOnlyList<JsonObject> ReceivedOn(int connection) => [.. received.Where(r => r.Connection == connection).Select(r => r.Frame)];
    public Uri Url { get; private set; } = null!;

    public FakeSocketModeServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.UseWebSockets();
        app.Map("/link", async (HttpContext http) =>
        {
            if (!http.WebSockets.IsWebSocketRequest) { http.Response.StatusCode = 400; return; }
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            current = socket;
            var number = Interlocked.Increment(ref ConnectionCount);
            sockets[number] = socket;
            await SendAsync(FakeSlack.FixtureText("socket_mode_hello.json"), number);
            connected.Release();
            var buffer = new byte[64 * 1024];
            while (socket.State == WebSocketState.Open)
            {
                WebSocketReceiveResult frame;
                try { frame = await socket.ReceiveAsync(buffer, http.RequestAborted); }
                catch (Exception) { break; }
                if (frame.MessageType == WebSocketMessageType.Close) break;
                received.Enqueue((number, JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, frame.Count))!.AsObject()));
            }
        });
    }

    public async Task StartAsync()
    {
        await app.StartAsync();
        Url = new Uri(app.Urls.First().Replace("http://", "ws://") + "/link?ticket=test");
    }

    public async Task WaitForConnectionAsync() => Assert.True(await connected.WaitAsync(TimeSpan.FromSeconds(30)), "the bot never connected");

    public Task SendAsync(string text) => SendAsync(current!, text);

    public Task SendAsync(string text, int connection) => SendAsync(sockets[connection], text);

    static async Task SendAsync(WebSocket socket, string text)
    {
        // One frame at a time per socket, as WebSocket requires.
        await Gate(socket).WaitAsync();
        try { await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None); }
        finally { Gate(socket).Release(); }
    }

    static readonly ConditionalWeakTable<WebSocket, SemaphoreSlim> Gates = new();

    static SemaphoreSlim Gate(WebSocket socket) => Gates.GetValue(socket, _ => new SemaphoreSlim(1, 1));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
