using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Cadence;

/// <summary><c>stage</c> lists; <c>stage add NAME [after:NAME]</c>; <c>stage remove NAME</c>; <c>stage rename OLD NEW</c>.</summary>
public sealed record StageCommand(StageAction Action, string? Name, string? Other) : ChatCommand;

public enum StageAction { List, Add, Remove, Rename }

internal static class StageVerb
{
    public static Verb Verb { get; } = new("stage", "stage\nstage add NAME [after:NAME]\nstage remove NAME\nstage rename OLD NEW",
        "stage add \"Get help\" after:Onboard", "List or edit the customer journey stages.",
        Parse, [CommandRoute.For<StageCommand, StageHandler>(c => c.Action == StageAction.List ? Role.Frontline : Role.Cco)]);

    static StageCommand Parse(CommandInput input)
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
                return new StageCommand(StageAction.Add, Name(args.FreeText("stage name", Limits.Title), "add"), args.Text("after", Limits.Title));
            case "remove":
                return new StageCommand(StageAction.Remove, Name(Words.Join(words.Skip(1), "stage name", Limits.Title), "remove"), null);
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

    static string Name(string? name, string action) =>
        name ?? throw new ParseFailure($"Which stage? stage {action} NAME, with quotes for names with spaces: stage {action} \"Get help\"");
}

/// <summary>The CCO curates the ordered journey stages work is owned by. Removing retires a stage; its history stays.</summary>
public sealed class StageHandler(AppDbContext db, Records records) : ICommandHandler<StageCommand>
{
    public async Task<ChatMessage> HandleAsync(StageCommand command, CommandContext ctx, CancellationToken ct)
    {
        switch (command.Action)
        {
            case StageAction.Add:
                await AddAsync(command.Name!, command.Other, ct);
                break;
            case StageAction.Remove:
                (await records.StageAsync(command.Name!, ct)).IsRetired = true;
                break;
            case StageAction.Rename:
                var stage = await records.StageAsync(command.Name!, ct);
                await RequireUnusedAsync(command.Other!, ct);
                stage.Name = command.Other!.Trim();
                break;
        }
        if (command.Action != StageAction.List)
        {
            db.Audit(ctx, $"stage.{command.Action.ToString().ToLowerInvariant()}", command.Name, $"{command.Name} {command.Other}".Trim());
            await db.SaveChangesAsync(ct);
        }
        var stages = await db.JourneyStages.Where(s => !s.IsRetired).OrderBy(s => s.Position).Select(s => s.Name).ToListAsync(ct);
        return new ChatMessage([
            new HeaderBlock("Journey stages"),
            new TextBlock(string.Join(" → ", stages)),
            new ContextBlock("The CCO changes them with `stage add NAME after:STAGE`, `stage rename OLD NEW`, `stage remove NAME`."),
        ]);
    }

    async Task AddAsync(string name, string? after, CancellationToken ct)
    {
        var retired = await db.JourneyStages.FirstOrDefaultAsync(s => s.IsRetired && s.Name.ToLower() == name.Trim().ToLower(), ct);
        if (retired is null) await RequireUnusedAsync(name, ct);
        var stages = await db.JourneyStages.Where(s => !s.IsRetired).OrderBy(s => s.Position).ToListAsync(ct);
        var index = after is null ? stages.Count : stages.IndexOf(await records.StageAsync(after, ct)) + 1;
        var stage = retired ?? db.JourneyStages.Add(new JourneyStage { Name = name.Trim() }).Entity;
        stage.IsRetired = false;
        stages.Insert(index, stage);
        for (var i = 0; i < stages.Count; i++) stages[i].Position = i + 1;
    }

    async Task RequireUnusedAsync(string name, CancellationToken ct)
    {
        var lower = name.Trim().ToLowerInvariant();
        if (await db.JourneyStages.AnyAsync(s => s.Name.ToLower() == lower, ct))
            throw new CommandRejectedException($"There is already a stage called '{name.Trim()}'.");
    }
}
