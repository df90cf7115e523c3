using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Commitments;

/// <summary><c>update C-7 at-risk "note" [due:DATE]</c>, <c>done C-7 ["note"]</c>, <c>update C-7 dropped</c>.</summary>
public sealed record UpdateCommitmentCommand(int CommitmentId, CommitmentStatus Status, string? Note, DateOnly? NewDue) : ChatCommand;
