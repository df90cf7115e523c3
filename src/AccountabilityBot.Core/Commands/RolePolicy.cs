using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Commands;

/// <summary>
/// Which role a command needs, as its verb's route says. Owner rules (update/done on your own commitment) live in the handler.
/// </summary>
public static class RolePolicy
{
    public static Role Required(ChatCommand command) => Verbs.RouteFor(command).RequiredRole(command);

    /// <summary>Whether <paramref name="role"/> may run the command (a page asks before it offers the form for it).</summary>
    public static bool Allows(Role role, ChatCommand command) => role >= Required(command);

    public static string Describe(Role role) => role switch
    {
        Role.Cco => "the CCO",
        Role.Executive => "executives and the CCO",
        _ => "everyone",
    };
}
