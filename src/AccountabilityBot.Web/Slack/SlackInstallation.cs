using System.Text.Json;
using System.Threading.Channels;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// Whether the bot can use Slack at all. auth.test decides at start-up and whenever Slack:BotToken changes (a reload of
/// the settings): a refused token pauses Slack, a working one ends the pause, and <see cref="PlatformPauses"/> then has
/// what was held delivered. Slack's own app_uninstalled and tokens_revoked events are checked the same way.
/// </summary>
public sealed class SlackInstallation(
    IOptionsMonitor<SlackSettings> options, IServiceScopeFactory scopes, PlatformPauses pauses, SlackBotIdentity identity, ILogger<SlackInstallation> log)
    : BackgroundService
{
    readonly Channel<bool> tokenChanged = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    string checkedToken = "";
    bool? firstCheck;

    /// <summary>How long start-up waits for Slack to answer the first auth.test before going on without it.</summary>
    static readonly TimeSpan StartUpWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The first check runs before the job server starts (it is registered after Slack), so the start-up sweep of the
    /// outbox never posts with a token Slack already refuses. The server starts listening after it too (hosted services
    /// start before it), so an unreachable Slack holds start-up back by at most <see cref="StartUpWait"/>; a refused
    /// token found later by any call pauses Slack all the same.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        checkedToken = options.CurrentValue.BotToken;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(StartUpWait);
        try { firstCheck = await CheckAsync(wait.Token); }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            log.LogWarning("Slack did not answer auth.test at start-up; asking again in the background");
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watch = options.OnChange(s => { if (s.BotToken != checkedToken) tokenChanged.Writer.TryWrite(true); });
        if (firstCheck is null) await CheckWithRetriesAsync(stoppingToken);
        await foreach (var _ in tokenChanged.Reader.ReadAllAsync(stoppingToken))
        {
            checkedToken = options.CurrentValue.BotToken;
            log.LogInformation("Slack:BotToken changed; checking it with auth.test");
            await CheckWithRetriesAsync(stoppingToken);
        }
    }

    /// <summary>Slack says the app was uninstalled or tokens revoked: paused unless the configured token still works.</summary>
    public async Task RevokedAsync(JsonElement ev, CancellationToken ct)
    {
        // tokens_revoked also comes for user tokens the bot never held; only a revoked bot token stops it.
        if (ev.Str("type") == "tokens_revoked" && ev.Obj("tokens") is { } tokens && !tokens.Array("bot").Any()) return;
        log.LogWarning("Slack says the app was uninstalled or its tokens revoked ({Type}); checking the bot token", ev.Str("type"));
        if (await CheckAsync(ct) is not true)
            pauses.Pause(ChatPlatform.Slack, "Slack says AccountabilityBot was uninstalled or its token revoked. Reinstall the app to the workspace, " +
                "put its new token in Slack:BotToken and restart the bot.");
    }

    /// <returns>True when the token works, false when Slack refused it, null when Slack could not be asked.</returns>
    async Task<bool?> CheckAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.CurrentValue.BotToken))
        {
            pauses.Pause(ChatPlatform.Slack, "Slack:BotToken is not set, so nothing can be posted to Slack. " +
                "Put the app's Bot User OAuth Token (xoxb-…) there and restart the bot.");
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            identity.Remember(await scope.ServiceProvider.GetRequiredService<SlackWebApi>().CheckTokenAsync(ct));
            if (pauses.Resume(ChatPlatform.Slack)) log.LogInformation("The Slack token works again; held posts are being delivered");
            return true;
        }
        catch (ChatDeliveryException ex) when (ex.NotInstalled)
        {
            return false; // the call itself paused Slack
        }
        catch (Exception ex) when (ex is ChatDeliveryException or HttpRequestException)
        {
            log.LogWarning("Could not check the Slack token: {Error}", ex.Message);
            return null;
        }
    }

    /// <summary>A Slack outage at start-up must not leave the question open: asked again a few times, then left to the calls themselves.</summary>
    async Task CheckWithRetriesAsync(CancellationToken ct)
    {
        for (var attempt = 0; await CheckAsync(ct) is null && attempt < 5; attempt++)
            await Task.Delay(TimeSpan.FromSeconds(15 << attempt), ct);
    }
}
