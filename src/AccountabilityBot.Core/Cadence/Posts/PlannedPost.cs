using AccountabilityBot.Core.Messaging;

namespace AccountabilityBot.Core.Cadence.Posts;

/// <summary>A post a scheduled run would make: where, under which key, and how to compose it (only when claimed).</summary>
public sealed record PlannedPost(OutboxPost Post, Func<CancellationToken, Task<ChatMessage>> Compose);
