namespace AccountabilityBot.Web.Tests.Support;

/// <summary>The bot refused to start because of its settings: one line per problem, as the real process prints them.</summary>
public sealed class SettingsRefusedException(IReadOnlyList<string> problems) : Exception(string.Join("\n", problems))
{
    public IReadOnlyList<string> Problems => problems;
}
