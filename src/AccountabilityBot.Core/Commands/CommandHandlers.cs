using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Commands;

/// <summary>Runs a command with the handler its verb's route names.</summary>
public sealed class CommandHandlers(IServiceProvider services)
{
    public Task<ChatMessage> RunAsync(ChatCommand command, CommandContext ctx, CancellationToken ct) =>
        Verbs.RouteFor(command).RunAsync(services, command, ctx, ct);
}
