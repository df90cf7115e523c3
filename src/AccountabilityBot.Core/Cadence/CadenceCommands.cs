using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Cadence;

/// <summary><c>cadence</c>: show the schedule.</summary>
public sealed record CadenceShowCommand : ChatCommand;

/// <summary><c>cadence review mon 08:00 America/New_York</c>, <c>cadence nudges daily 09:00</c>; zone defaults to the current one.</summary>
public sealed record CadenceSetCommand(string Kind, IReadOnlyList<DayOfWeek> Days, TimeOnly Time, string? TimeZone) : ChatCommand;

/// <summary><c>cadence stories preview</c>: what that kind of post would say, and to whom, if it ran now. Changes nothing.</summary>
public sealed record CadencePreviewCommand(string Kind) : ChatCommand;

/// <summary><c>cadence review send</c>: run that kind's job now instead of waiting for its time. Each target still gets it once per period.</summary>
public sealed record CadenceSendCommand(string Kind) : ChatCommand;

/// <summary><c>cadence review pause</c> / <c>cadence review resume</c>.</summary>
public sealed record CadencePauseCommand(string Kind, bool Pause) : ChatCommand;

/// <summary><c>channel leadership</c> / <c>channel frontline</c> binds this conversation; <c>channel</c> lists; <c>channel remove</c> unbinds.</summary>
public sealed record ChannelCommand(ChannelPurpose? Purpose, bool Remove) : ChatCommand;

/// <summary><c>stage</c> lists; <c>stage add NAME [after:NAME]</c>; <c>stage remove NAME</c>; <c>stage rename OLD NEW</c>.</summary>
public sealed record StageCommand(StageAction Action, string? Name, string? Other) : ChatCommand;

public enum StageAction { List, Add, Remove, Rename }
