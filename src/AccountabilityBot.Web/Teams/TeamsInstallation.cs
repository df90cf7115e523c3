namespace AccountabilityBot.Web.Teams;

/// <summary>
/// Whether the bot's Teams credentials work, asked at start-up (they change only with a restart): refused ones pause
/// Teams before the job server starts (it is registered after Teams), so no post is tried with them.
/// </summary>
public sealed class TeamsInstallation(ConnectorClient connector, ILogger<TeamsInstallation> log) : IHostedService
{
    static readonly TimeSpan StartUpWait = TimeSpan.FromSeconds(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(StartUpWait);
        try { await connector.CheckCredentialsAsync(wait.Token); }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            log.LogWarning("Microsoft Entra ID did not answer at start-up; the first post will find out whether the Teams credentials work");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
