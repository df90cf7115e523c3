using AccountabilityBot.Core.Commands;

namespace AccountabilityBot.Core.Stories;

/// <summary>
/// <c>story</c> shows the story of the week; <c>story L-5</c> shows one; <c>story L-5 "TEXT"</c> edits it;
/// <c>story "CUSTOMER" "TEXT"</c> tells the story of that customer's latest loss; <c>story pick L-5</c> picks it for the next review.
/// </summary>
public sealed record StoryCommand(int? StoryId, string? Customer, string? Narrative, bool Pick) : ChatCommand;
