using System.Text.Json.Nodes;
using AccountabilityBot.Core.Forms;

namespace AccountabilityBot.Web.Slack;

/// <summary>
/// `/cx` with nothing after it: every form (the same ones Teams offers), and buttons for what people look up most,
/// so nobody has to remember the grammar.
/// </summary>
public static class SlackMenu
{
    static readonly (string Label, string Command)[] Lookups = [("What I own", "mine"), ("Preview the review", "review"), ("All commands", "help")];

    public static JsonObject Body() => new()
    {
        ["response_type"] = "ephemeral",
        ["text"] = "What would you like to record?",
        ["blocks"] = new JsonArray(
            new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*What would you like to record?*" } },
            Actions(FormCatalog.All.Select(f => Button(f.MenuLabel, SlackForms.ActionPrefix + f.Name, f.Name))),
            Actions(Lookups.Select((l, i) => Button(l.Label, $"{BlockKit.RunAction}_menu{i}", l.Command))),
            new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = "Or type it: `/cx help` lists every command." }),
            }),
    };

    static JsonObject Actions(IEnumerable<JsonObject> buttons) => new() { ["type"] = "actions", ["elements"] = new JsonArray([.. buttons]) };

    static JsonObject Button(string label, string actionId, string value) =>
        new() { ["type"] = "button", ["text"] = BlockKit.Plain(label), ["action_id"] = actionId, ["value"] = value };
}
