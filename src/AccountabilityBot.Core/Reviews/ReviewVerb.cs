using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Reviews;

/// <summary><c>review</c>: preview this week's customer review, here, now.</summary>
public sealed record ReviewCommand : ChatCommand;

internal static class ReviewVerb
{
    public static Verb Verb { get; } = new("review", "review", "review", "Preview this week's customer review here, now.",
        Parse, [CommandRoute.For<ReviewCommand, ReviewHandler>(Role.Executive)]);

    static ReviewCommand Parse(CommandInput input)
    {
        input.ExpectNothingAfter(0, "review");
        return new ReviewCommand();
    }
}

/// <summary><c>review</c>: shows this week's review where it was asked for, without telling the story of the week.</summary>
public sealed class ReviewHandler(WeeklyReview review) : ICommandHandler<ReviewCommand>
{
    public Task<ChatMessage> HandleAsync(ReviewCommand command, CommandContext ctx, CancellationToken ct) =>
        review.PreviewAsync(ct);
}
