using AccountabilityBot.Core.Commands;

namespace AccountabilityBot.Core.Prompts;

/// <summary><c>answer P-4 "TEXT"</c>, or <c>answer "TEXT"</c> for the speaker's latest open prompt.</summary>
public sealed record AnswerCommand(int? PromptId, string Text) : ChatCommand;
