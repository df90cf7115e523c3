using AccountabilityBot.Core.Cadence;
using AccountabilityBot.Core.Commitments;
using AccountabilityBot.Core.Customers;
using AccountabilityBot.Core.Decisions;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Reviews;
using AccountabilityBot.Core.StopList;
using AccountabilityBot.Core.Stories;

namespace AccountabilityBot.Core.Commands;

/// <summary>Which role a command needs. Owner rules (update/done on your own commitment) live in the handler.</summary>
public static class RolePolicy
{
    public static Role Required(ChatCommand command) => command switch
    {
        CadenceSetCommand or CadencePauseCommand or CadencePreviewCommand or CadenceSendCommand => Role.Cco,
        ChannelCommand { Purpose: not null } or ChannelCommand { Remove: true } => Role.Cco,
        StageCommand { Action: not StageAction.List } => Role.Cco,
        RoleCommand { Member: not null } => Role.Cco,
        StoryCommand { Pick: true } => Role.Cco,
        ApiKeys.ApiKeyCommand => Role.Cco,
        DecideCommand or CommitCommand or StopDecisionCommand or CustomerEventCommand or ReviewCommand => Role.Executive,
        // Anyone may tell a lost customer's story (account owners are often frontline); editing a told one is leadership's.
        StoryCommand { StoryId: not null, Narrative: not null } => Role.Executive,
        _ => Role.Frontline,
    };

    public static string Describe(Role role) => role switch
    {
        Role.Cco => "the CCO",
        Role.Executive => "executives and the CCO",
        _ => "everyone",
    };
}
