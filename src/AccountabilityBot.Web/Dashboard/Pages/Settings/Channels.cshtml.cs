using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Web.Dashboard.Pages.Settings;

/// <summary>
/// /dashboard/settings/channels: where scheduled posts go. A binding is made or undone by typing `channel …` in the
/// channel itself (the bot checks there that it may post), so this page lists them and says how.
/// </summary>
public sealed class ChannelsModel(DashboardCommands commands, SettingsQuery query) : SettingsPageModel(commands)
{
    public IReadOnlyList<ChannelBinding> Channels { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Channels = await query.ChannelsAsync(ct);
}
