using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Core.Commands;

/// <summary>
/// Where one command record goes: the role it needs and the handler that runs it. Built with
/// <see cref="For{TCommand, THandler}(Role)"/>, so the handler is named in code and "find references" reaches it.
/// </summary>
internal abstract class CommandRoute
{
    public abstract Type CommandType { get; }
    public abstract Type HandlerType { get; }

    /// <summary>The least role that may run this command. Owner rules (your own commitment) stay in the handler.</summary>
    public abstract Role RequiredRole(ChatCommand command);

    public abstract Task<ChatMessage> RunAsync(IServiceProvider services, ChatCommand command, CommandContext ctx, CancellationToken ct);

    public abstract void Register(IServiceCollection services);

    public static CommandRoute For<TCommand, THandler>(Role role)
        where TCommand : ChatCommand where THandler : class, ICommandHandler<TCommand> => new Route<TCommand, THandler>(_ => role);

    /// <summary>For a command whose forms need different roles (<c>stage</c> lists for everyone, edits for the CCO).</summary>
    public static CommandRoute For<TCommand, THandler>(Func<TCommand, Role> role)
        where TCommand : ChatCommand where THandler : class, ICommandHandler<TCommand> => new Route<TCommand, THandler>(role);

    sealed class Route<TCommand, THandler>(Func<TCommand, Role> role) : CommandRoute
        where TCommand : ChatCommand where THandler : class, ICommandHandler<TCommand>
    {
        public override Type CommandType => typeof(TCommand);
        public override Type HandlerType => typeof(THandler);

        public override Role RequiredRole(ChatCommand command) => role((TCommand)command);

        public override Task<ChatMessage> RunAsync(IServiceProvider services, ChatCommand command, CommandContext ctx, CancellationToken ct) =>
            services.GetRequiredService<ICommandHandler<TCommand>>().HandleAsync((TCommand)command, ctx, ct);

        public override void Register(IServiceCollection services) => services.AddScoped<ICommandHandler<TCommand>, THandler>();
    }
}
