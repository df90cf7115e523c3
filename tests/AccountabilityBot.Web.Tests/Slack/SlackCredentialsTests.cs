using System.Text;
using AccountabilityBot.Web.Slack;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>
/// Slack's response_url (its path is a credential) and the verification token in its payloads are never written: not
/// in the job store, not in the bot's database, not in the log even at Trace level.
/// </summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackCredentialsTests : IAsyncLifetime
{
    const string ResponsePath = "/commands/T1/1/rUrL5ecretPath", VerificationToken = "vErIfIcAtIoNtOkEn42";

    readonly LogCapture logs = new();
    readonly string dataDirectory = BotApplication.NewDataDirectory();
    readonly BotApplication app;
    readonly FakeSlack slack = new();

    public SlackCredentialsTests()
    {
        app = new BotApplication(dataDirectory, new FakeTimeProvider(BotApplication.Thursday), new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackHost.Secret,
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:ApiBaseUrl"] = "https://slack.test/api/",
            ["Slack:AckBudget"] = "00:00:00", // answered later, through the response_url
        }, services =>
        {
            services.AddHttpClient<SlackWebApi>().ConfigurePrimaryHttpMessageHandler(() => slack);
            services.AddSingleton<ILoggerProvider>(logs);
            // Every category at Trace, whatever the settings files lower for their own reasons.
            services.PostConfigure<LoggerFilterOptions>(o =>
            {
                o.Rules.Clear();
                o.MinLevel = LogLevel.Trace;
            });
        });
        slack.Clock = app.Clock;
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task SlowCommandAndEvent_AfterTheirAnswers_NoResponseUrlOrTokenInJobStoreDatabaseOrTraceLog()
    {
        slack.Users["UANA"] = ("Ana", "ana@acme.example", "UTC");
        slack.Users["W222"] = ("Jo", "jo@acme.example", "UTC");
        using var client = app.CreateClient();
        var command = SlackHost.CommandBody("resolved \"Called the clinic back\" cost:0", trigger: "cred.1")
            .Replace("token=x", "token=" + VerificationToken)
            .Replace(Uri.EscapeDataString("https://hooks.slack.com/commands/T1/1/cred.1"), Uri.EscapeDataString("https://hooks.slack.com" + ResponsePath));
        Assert.Contains(ResponsePath, Uri.UnescapeDataString(command));
        (await client.SendAsync(SlackHost.Signed("/slack/commands", command, SlackHost.Secret, app.Clock.GetUtcNow()))).EnsureSuccessStatusCode();
        var envelope = FakeSlack.Fixture("event_callback_message_im.json");
        envelope["token"] = VerificationToken;
        envelope["event"]!["text"] = "resolved \"Re-sent the invoice\" cost:0";
        (await client.SendAsync(SlackHost.Signed("/slack/events", envelope.ToJsonString(), SlackHost.Secret, app.Clock.GetUtcNow(), "application/json")))
            .EnsureSuccessStatusCode();

        await Eventually.Async(() => Task.FromResult(slack.Of("response_url").Count == 1 && slack.PostedTo("D111").Count == 1 ? "both" : null),
            what: "the late answer through the response_url and the DM reply");

        foreach (var secret in new[] { ResponsePath, VerificationToken })
        {
            Assert.DoesNotContain(secret, logs.Text);
            if (FileHolding(secret) is { } file) Assert.Fail($"{file} holds {secret}");
        }
        Assert.Contains("Trace", logs.Text); // the capture really ran at Trace
    }

    /// <summary>Which of the bot's files (its database and the job store, with their write-ahead logs) holds the text, if any.</summary>
    string? FileHolding(string text)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return Directory.GetFiles(dataDirectory).Select(Path.GetFileName).FirstOrDefault(f => Contains(Path.Combine(dataDirectory, f!), text)); }
            // A write-ahead log checkpointed away between the listing and the read (another test in the process closed the
            // idle pooled connections): its pages are in the database now, so every file is read again.
            catch (FileNotFoundException) when (attempt < 5) { }
        }
    }

    static bool Contains(string file, string text)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }
}
