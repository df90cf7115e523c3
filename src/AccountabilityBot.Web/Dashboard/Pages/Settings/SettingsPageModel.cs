using Microsoft.AspNetCore.Authorization;

namespace AccountabilityBot.Web.Dashboard.Pages.Settings;

/// <summary>A CCO's settings page: its forms run chat commands as the signed-in CCO (<see cref="CommandPageModel"/>).</summary>
[Authorize(Policy = DashboardPolicies.Cco)]
public abstract class SettingsPageModel(DashboardCommands commands) : CommandPageModel(commands);
