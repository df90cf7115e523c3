using AccountabilityBot.Core.Commands;

namespace AccountabilityBot.Core.ApiKeys;

public enum ApiKeyAction { List, Create, Revoke }

/// <summary><c>apikey</c>, <c>apikey create NAME</c>, <c>apikey revoke NAME</c>: the CCO's keys for the HTTP API.</summary>
public sealed record ApiKeyCommand(ApiKeyAction Action, string? Name) : ChatCommand;
