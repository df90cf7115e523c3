using AccountabilityBot.Core.Dashboard;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Forms;
using Microsoft.AspNetCore.Mvc;

namespace AccountabilityBot.Web.Dashboard.Pages.Settings;

/// <summary>/dashboard/settings/members: the roster and each member's role (`role @name ROLE`).</summary>
public sealed class MembersModel(DashboardCommands commands, SettingsQuery query) : SettingsPageModel(commands)
{
    public static IReadOnlyList<(string Word, string Label)> Roles { get; } = [("cco", "CCO"), ("executive", "Executive"), ("frontline", "Frontline")];

    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    public ChatPlatform Platform => Enum.Parse<ChatPlatform>(User.FindFirst(DashboardPolicies.PlatformClaim)!.Value);

    public async Task OnGetAsync(CancellationToken ct) => Members = await query.MembersAsync(ct);

    /// <summary>
    /// The member is named the way a platform mention names them (<c>&lt;@id&gt;</c>), which the grammar reads on the CCO's
    /// own platform; members of another platform are changed from that platform's chat.
    /// </summary>
    public async Task<IActionResult> OnPostRoleAsync(int member, CancellationToken ct)
    {
        var who = (await query.MembersAsync(ct)).FirstOrDefault(m => m.Id == member && m.Platform == Platform);
        var mention = who is null ? null : $"<@{who.PlatformUserId}>";
        return await RunAndShowAsync(new CommandLine("role").Word(mention).Word(Clean(Field("role"))));
    }
}
