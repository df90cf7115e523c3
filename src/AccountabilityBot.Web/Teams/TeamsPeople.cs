using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Teams;

/// <summary>
/// The first time someone speaks, asks the Connector for their profile (email or UPN) so the new member has it.
/// Teams does not put the email in activities. The lookup is brief and optional: a slow or failing Connector
/// never delays the answer past a couple of seconds, and the member is enrolled without an email.
/// </summary>
public sealed class TeamsPeople(AppDbContext db, ConnectorClient connector, ILogger<TeamsPeople> log)
{
    static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(2);

    public async Task<InboundCommand> WithProfileAsync(Activity a, InboundCommand command, CancellationToken ct)
    {
        if (a.ServiceUrl is not { Length: > 0 } serviceUrl
            || await db.Members.AnyAsync(m => m.Platform == ChatPlatform.Teams && m.PlatformUserId == command.UserId, ct))
            return command;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(LookupBudget);
        try
        {
            var profile = await connector.GetMemberAsync(serviceUrl, a.Conversation!.Id!, command.UserId, budget.Token);
            return command with
            {
                UserEmail = profile?.Email ?? profile?.UserPrincipalName,
                UserName = command.UserName ?? profile?.Name,
            };
        }
        catch (Exception e) when (e is ChatDeliveryException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            log.LogInformation("No Teams profile for {User}: {Error}", command.UserId, e.Message);
            return command;
        }
    }
}
