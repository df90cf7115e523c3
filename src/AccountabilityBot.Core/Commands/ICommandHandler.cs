using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Commands;

/// <summary>Runs one use case. Throw <see cref="CommandRejectedException"/> for anything the speaker can fix.</summary>
public interface ICommandHandler<in TCommand> where TCommand : ChatCommand
{
    Task<ChatMessage> HandleAsync(TCommand command, CommandContext ctx, CancellationToken ct);
}
