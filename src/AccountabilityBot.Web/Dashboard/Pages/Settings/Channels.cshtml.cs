using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Domain;
using Microsoft.AspNetCore.Mvc;

namespace AccountabilityBot.Web.Dashboard.Pages.Settings;

/// <summary>
/// /dashboard/settings/channels: where scheduled posts go. A binding is made by typing `channel …` in the channel
/// itself (the bot checks there that it may post), so this page lists them and says how; it can undo one
/// (`channel remove &lt;conversation&gt;`), as a channel archived or left cannot be typed in any more.
/// </summary>
public sealed class ChannelsModel(DashboardCommands commands, SettingsQuery query) : SettingsPageModel(commands)
{
    public IReadOnlyList<ChannelBinding> Channels { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Channels = await query.ChannelsAsync(ct);

    public Task<IActionResult> OnPostRemoveAsync() =>
        RunAndShowAsync(new AccountabilityBot.Core.Forms.CommandLine("channel").Word("remove").Text(Clean(Field("conversation"))));
}
