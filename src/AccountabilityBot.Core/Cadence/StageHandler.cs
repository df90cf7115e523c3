using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Cadence;

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
