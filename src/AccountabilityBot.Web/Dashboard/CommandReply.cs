using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Messaging;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>
/// The engine's answer to a command a page ran, carried across the POST-redirect-GET in TempData: whether it was
/// carried out, and its words (the chat's own, line by line). Never used for a reply that holds a secret shown once.
/// </summary>
public sealed record CommandReply(bool Refused, string Command, IReadOnlyList<string> Lines)
{
    const string Key = "dashboard.reply";

    public static CommandReply Of(string command, CommandOutcome outcome) =>
        new(outcome.IsRefusal || outcome.Kind != OutcomeKind.Done, command, PlainTextRenderer.Words(outcome.Reply).Split('\n'));

    public void Keep(ITempDataDictionary tempData)
    {
        tempData[Key] = Refused ? "1" : "0";
        tempData[Key + ".command"] = Command;
        tempData[Key + ".lines"] = Lines.ToArray();
    }

    public static CommandReply? Take(ITempDataDictionary tempData) =>
        tempData[Key] is string refused && tempData[Key + ".lines"] is string[] lines
            ? new CommandReply(refused == "1", tempData[Key + ".command"] as string ?? "", lines)
            : null;
}
