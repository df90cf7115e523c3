using System.ComponentModel.DataAnnotations;

namespace AccountabilityBot.Web.Slack;

/// <summary>Section "Slack". Slack is on when a bot token or a signing secret is set.</summary>
public sealed class SlackSettings
{
    public const string SectionName = "Slack";

    /// <summary>Signs every HTTP request Slack sends (Basic Information → App Credentials → Signing Secret).</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>The bot's token, xoxb-… (OAuth &amp; Permissions → Bot User OAuth Token).</summary>
    public string BotToken { get; set; } = "";

    /// <summary>An app-level token, xapp-… with connections:write; when set, the bot connects out over Socket Mode.</summary>
    public string AppToken { get; set; } = "";

    [Required(ErrorMessage = "Slack:ApiBaseUrl must be set, normally to https://slack.com/api/.")]
    [Url(ErrorMessage = "Slack:ApiBaseUrl must be an absolute URL such as https://slack.com/api/ (GovSlack: https://slack-gov.com/api/).")]
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>How long a slash command may run before Slack's 3-second deadline forces an acknowledgement instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02.500", ErrorMessage = "Slack:AckBudget must be between 0 and 2.5 seconds: Slack gives up after 3.")]
    public TimeSpan AckBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Slack accepts about one message per second per channel; posts to one channel are spaced this far apart.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10", ErrorMessage = "Slack:ChannelPostInterval must be between 00:00:00 and 00:00:10.")]
    public TimeSpan ChannelPostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Slack allows "several hundred" posts a minute across a workspace; posts are spaced to stay under this.</summary>
    [Range(1, 6000, ErrorMessage = "Slack:WorkspacePostsPerMinute must be between 1 and 6000.")]
    public int WorkspacePostsPerMinute { get; set; } = 300;

    /// <summary>
    /// Socket Mode connections this instance keeps open. Slack spreads an app's envelopes over all its connections (up to
    /// 10, across instances), and each envelope is recorded once however many it reaches.
    /// </summary>
    [Range(1, 10, ErrorMessage = "Slack:SocketConnections must be between 1 and 10: Slack allows an app 10 connections at once.")]
    public int SocketConnections { get; set; } = 1;

    /// <summary>The longest Retry-After the bot waits in place; longer ones are left to the job's retry.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "Slack:MaxRetryAfterWait must be between 00:00:00 and 00:05:00.")]
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(BotToken) || !string.IsNullOrWhiteSpace(SigningSecret);
    public bool UsesSocketMode => !string.IsNullOrWhiteSpace(AppToken);

    public Uri ApiBase => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/");

    public static bool IsEnabledIn(IConfiguration config) =>
        !string.IsNullOrWhiteSpace(config[SectionName + ":" + nameof(BotToken)])
        || !string.IsNullOrWhiteSpace(config[SectionName + ":" + nameof(SigningSecret)]);
}
