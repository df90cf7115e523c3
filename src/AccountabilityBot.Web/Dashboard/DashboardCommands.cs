using System.Security.Claims;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// The dashboard's only way to change anything: the command a page builds goes through the chat's command engine as the
/// signed-in member, so roles, validation messages and the audit trail are the chat's, the audit saying "web".
/// </summary>
public sealed class DashboardCommands(CommandWriter writer)
{
    public const string Via = "web";
    public const string Conversation = "web";

    public Task<CommandOutcome> RunAsync(ClaimsPrincipal member, string text)
    {
        var platform = Enum.Parse<ChatPlatform>(member.FindFirstValue(DashboardPolicies.PlatformClaim)
            ?? throw new InvalidOperationException("Only a signed-in member can run a command from the dashboard."));
        var user = member.FindFirstValue(DashboardPolicies.PlatformUserIdClaim)!;
        return writer.RunAsync(new InboundCommand(platform, Conversation, user, text, Via: Via));
    }
}
