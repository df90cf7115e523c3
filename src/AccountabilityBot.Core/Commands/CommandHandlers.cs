using AccountabilityBot.Core.Cadence;
using AccountabilityBot.Core.Commitments;
using AccountabilityBot.Core.Customers;
using AccountabilityBot.Core.Decisions;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Prompts;
using AccountabilityBot.Core.Resolutions;
using AccountabilityBot.Core.Reviews;
using AccountabilityBot.Core.StopList;
using AccountabilityBot.Core.Stories;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Core.Commands;

/// <summary>Routes each command record to its use case. The switch is the list of everything the bot can do.</summary>
public sealed class CommandHandlers(IServiceProvider services)
{
    public Task<ChatMessage> RunAsync(ChatCommand command, CommandContext ctx, CancellationToken ct) => command switch
    {
        HelpCommand c => Run(c, ctx, ct),
        DecideCommand c => Run(c, ctx, ct),
        CommitCommand c => Run(c, ctx, ct),
        UpdateCommitmentCommand c => Run(c, ctx, ct),
        MineCommand c => Run(c, ctx, ct),
        StopProposeCommand c => Run(c, ctx, ct),
        StopDecisionCommand c => Run(c, ctx, ct),
        StopListCommand c => Run(c, ctx, ct),
        ResolvedCommand c => Run(c, ctx, ct),
        CustomerEventCommand c => Run(c, ctx, ct),
        StoryCommand c => Run(c, ctx, ct),
        ReviewCommand c => Run(c, ctx, ct),
        CadenceShowCommand c => Run(c, ctx, ct),
        CadenceSetCommand c => Run(c, ctx, ct),
        CadencePauseCommand c => Run(c, ctx, ct),
        CadencePreviewCommand c => Run(c, ctx, ct),
        CadenceSendCommand c => Run(c, ctx, ct),
        ChannelCommand c => Run(c, ctx, ct),
        StageCommand c => Run(c, ctx, ct),
        RoleCommand c => Run(c, ctx, ct),
        MeCommand c => Run(c, ctx, ct),
        AnswerCommand c => Run(c, ctx, ct),
        Customers.Metrics.JarCommand c => Run(c, ctx, ct),
        Customers.Metrics.WhyLostCommand c => Run(c, ctx, ct),
        ApiKeys.ApiKeyCommand c => Run(c, ctx, ct),
        _ => throw new InvalidOperationException($"No use case handles {command.GetType().Name}."),
    };

    Task<ChatMessage> Run<T>(T command, CommandContext ctx, CancellationToken ct) where T : ChatCommand =>
        services.GetRequiredService<ICommandHandler<T>>().HandleAsync(command, ctx, ct);
}
