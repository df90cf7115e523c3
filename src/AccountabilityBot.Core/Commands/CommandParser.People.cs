using AccountabilityBot.Core.Cadence;
using AccountabilityBot.Core.Members;
using DomainRole = AccountabilityBot.Core.Domain.Role;

namespace AccountabilityBot.Core.Commands;

// role, me and stage: the roster, personal settings and the journey.
public static partial class CommandParser
{
    static readonly Dictionary<string, DomainRole> Roles = new()
    {
        ["cco"] = DomainRole.Cco, ["executive"] = DomainRole.Executive, ["exec"] = DomainRole.Executive,
        ["frontline"] = DomainRole.Frontline,
    };

    static ChatCommand Role(CommandInput input)
    {
        var words = input.Words;
        if (words.Count == 0) return new RoleCommand(null, null);
        var member = Mentions.Read(words[0].Text)
            ?? throw new ParseFailure($"role needs {Mentions.Hint} first, then the role: role @tom executive.");
        if (words.Count == 1) throw new ParseFailure($"Which role for {member}? Use cco, executive or frontline.");
        if (!Roles.TryGetValue(words[1].Lower, out var role))
            throw new ParseFailure($"'{DidYouMean.Echo(words[1].Text)}' isn't a role; use cco, executive or frontline."
                + DidYouMean.Hint(words[1].Text, Roles.Keys, "", allowPrefix: true));
        input.ExpectNothingAfter(2, "role @name ROLE");
        return new RoleCommand(member, role);
    }

    static ChatCommand Me(CommandInput input)
    {
        var args = input.Read("tz");
        bool? away = null;
        foreach (var word in args.Rest)
        {
            var setting = word.Lower switch { "away" => true, "back" => false, _ => (bool?)null }
                ?? throw new ParseFailure($"me takes tz:ZONE, away or back; I didn't expect '{DidYouMean.Echo(word.Text)}'.");
            if (away is not null) throw new ParseFailure("Say either `me away` or `me back`, not both.");
            away = setting;
        }
        return new MeCommand(args.Zone("tz"), away);
    }

    static ChatCommand Stage(CommandInput input)
    {
        var words = input.Words;
        var action = words.Count == 0 ? "list" : words[0].IsPlain ? words[0].Lower : "";
        switch (action)
        {
            case "list":
                input.ExpectNothingAfter(1, "stage list");
                return new StageCommand(StageAction.List, null, null);
            case "add":
                var args = input.Read(1, "after");
                return new StageCommand(StageAction.Add, StageName(args.FreeText("stage name", Limits.Title), "add"), args.Text("after", Limits.Title));
            case "remove":
                return new StageCommand(StageAction.Remove, StageName(Words.Join(words.Skip(1), "stage name", Limits.Title), "remove"), null);
            case "rename":
                if (words.Count != 3)
                    throw new ParseFailure("stage rename takes the old name and the new one; quote names with spaces: stage rename \"Get help\" Support");
                return new StageCommand(StageAction.Rename,
                    Words.Clean(words[1].Text, "old stage name", Limits.Title), Words.Clean(words[2].Text, "new stage name", Limits.Title));
            default:
                throw new ParseFailure($"I don't know 'stage {DidYouMean.Echo(words[0].Text)}'; use add, remove, rename or list."
                    + DidYouMean.Hint(words[0].Text, ["add", "remove", "rename", "list"], "", allowPrefix: true));
        }
    }

    static string StageName(string? name, string action) =>
        name ?? throw new ParseFailure($"Which stage? stage {action} NAME, with quotes for names with spaces: stage {action} \"Get help\"");
}
