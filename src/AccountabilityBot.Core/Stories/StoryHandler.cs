using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Stories;

/// <summary>Shows, tells, edits and picks lost-customer stories.</summary>
public sealed class StoryHandler(AppDbContext db, Records records, BotSettings settings) : ICommandHandler<StoryCommand>
{
    public async Task<ChatMessage> HandleAsync(StoryCommand command, CommandContext ctx, CancellationToken ct)
    {
        if (command.Customer is { } customer) return await TellAsync(customer, command.Narrative!, ctx, ct);
        if (command.StoryId is not { } id)
        {
            var ofTheWeek = await StorySelector.StoryOfTheWeekAsync(db, ctx.Today.AddDays(-7), ctx.Today, ct);
            return ofTheWeek is null
                ? ChatMessage.Text("No untold lost-customer story right now. Record one with `lost \"CUSTOMER\" value:36000 reason:\"...\" story:\"...\"`.")
                : Show(ofTheWeek, "Story of the week");
        }
        var story = await records.StoryAsync(id, ct);
        var reference = Refs.Of(Refs.LostStory, story.Id);
        if (command.Pick)
        {
            story.PickedAt = ctx.UtcNow;
            story.ToldAt = null;
            db.Audit(ctx, "story.picked", reference, story.Event.Customer.Name);
            await db.SaveChangesAsync(ct);
            return Replies.Recorded("Picked", reference, $"{story.Event.Customer.Name} will be the story of the next review.");
        }
        if (command.Narrative is { } narrative)
        {
            story.Narrative = narrative;
            db.Audit(ctx, "story.edited", reference, story.Event.Customer.Name);
            await db.SaveChangesAsync(ct);
            return Replies.Recorded("Updated story", reference, story.Event.Customer.Name);
        }
        return Show(story, $"Story {reference}");
    }

    async Task<ChatMessage> TellAsync(string customerName, string narrative, CommandContext ctx, CancellationToken ct)
    {
        var lower = customerName.Trim().ToLowerInvariant();
        var lost = await db.CustomerEvents.Include(e => e.Customer).Include(e => e.Story)
            .Where(e => e.Kind == CustomerEventKind.Lost && e.Customer.Name.ToLower() == lower)
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id).FirstOrDefaultAsync(ct)
            ?? throw new CommandRejectedException(
                $"I have no lost event for '{customerName}'. Record it first: `lost \"{customerName}\" value:36000 reason:\"...\"`.");
        if (lost.Story is { } told && ctx.Speaker.Role < Role.Executive)
            throw new CommandRejectedException(
                $"{lost.Customer.Name}'s story is already told ({Refs.Of(Refs.LostStory, told.Id)}); " +
                $"executives can change it with `story {Refs.Of(Refs.LostStory, told.Id)} \"...\"`.");
        lost.Story ??= new LostStory { Narrative = narrative, AuthorId = ctx.Speaker.Id, CreatedAt = ctx.UtcNow };
        lost.Story.Narrative = narrative;
        var reference = await records.SaveWithAuditAsync(ctx, Refs.LostStory, () => lost.Story.Id, "story.told", lost.Customer.Name, ct);
        return Replies.Recorded("Recorded story", reference, lost.Customer.Name);
    }

    ChatMessage Show(LostStory story, string title)
    {
        var reference = Refs.Of(Refs.LostStory, story.Id);
        var ev = story.Event;
        return new ChatMessage([
            new HeaderBlock($"{title}: {ev.Customer.Name}"),
            new FieldsBlock([
                new Field("Worth", Format.Money(ev.AnnualValue, settings.CurrencySymbol) + " a year"),
                new Field("Why they left", ev.Reason ?? "not recorded"),
                new Field("Lost on", RichText.Of(new DateSpan(ev.OccurredOn))),
            ]),
            new TextBlock(story.Narrative),
            new ContextBlock($"{reference} · What will we do about it?"),
        ]);
    }
}
