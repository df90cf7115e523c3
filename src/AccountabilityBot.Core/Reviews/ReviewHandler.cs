using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Reviews;

/// <summary><c>review</c>: shows this week's review where it was asked for, without telling the story of the week.</summary>
public sealed class ReviewHandler(WeeklyReview review) : ICommandHandler<ReviewCommand>
{
    public Task<ChatMessage> HandleAsync(ReviewCommand command, CommandContext ctx, CancellationToken ct) =>
        review.PreviewAsync(ct);
}
