using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Customers;

/// <summary>Records a won/lost/renewed/referral fact; a lost customer's story becomes L-n for the next review.</summary>
public sealed class CustomerEventHandler(AppDbContext db, Records records, BotSettings settings) : ICommandHandler<CustomerEventCommand>
{
    public async Task<ChatMessage> HandleAsync(CustomerEventCommand command, CommandContext ctx, CancellationToken ct)
    {
        var customer = await FindOrAddCustomerAsync(command.Customer, command.Group, ct);
        var ev = new CustomerEvent
        {
            Customer = customer,
            Kind = command.Kind,
            OccurredOn = command.On ?? ctx.Today,
            AnnualValue = command.Value ?? 0,
            Reason = command.Reason,
            ReferredBy = command.ReferredBy,
            RecordedById = ctx.Speaker.Id,
            RecordedAt = ctx.UtcNow,
        };
        db.CustomerEvents.Add(ev);
        if (command.Story is { } narrative)
            ev.Story = new LostStory { Narrative = narrative, AuthorId = ctx.Speaker.Id, CreatedAt = ctx.UtcNow };
        var kind = command.Kind.ToString().ToLowerInvariant();
        var reference = await records.SaveWithAuditAsync(ctx, Refs.Event, () => ev.Id, $"customer.{kind}",
            $"{customer.Name} {Format.Money(ev.AnnualValue, settings.CurrencySymbol)}", ct);

        var what = command.Kind switch
        {
            CustomerEventKind.Won => "Recorded a new customer",
            CustomerEventKind.Lost => "Recorded a lost customer",
            CustomerEventKind.Renewed => "Recorded a renewal",
            _ => "Recorded a referral",
        };
        var reply = Replies.Recorded(what, reference, customer.Name, Replies.Details(
            ("worth", command.Value is null ? null : new TextSpan(Format.Money(ev.AnnualValue, settings.CurrencySymbol) + " a year")),
            (command.Kind == CustomerEventKind.Renewed ? "why they stayed" : "reason", Replies.Text(command.Reason)),
            ("referred by", Replies.Text(command.ReferredBy)),
            ("group", Replies.Text(customer.Group?.Name)),
            ("on", Replies.Date(ev.OccurredOn))));
        if (ev.Story is { } story)
        {
            var told = new ContextBlock($"Their story is {Refs.Of(Refs.LostStory, story.Id)}; leadership will hear it in a coming review.");
            reply = reply with { Blocks = [.. reply.Blocks, told] };
        }
        else if (command.Kind == CustomerEventKind.Lost)
        {
            var ask = new ContextBlock($"Tell their story so leaders hear it: `story \"{customer.Name}\" \"what happened...\"`");
            reply = reply with { Blocks = [.. reply.Blocks, ask] };
        }
        return reply;
    }

    async Task<Customer> FindOrAddCustomerAsync(string name, string? groupName, CancellationToken ct)
    {
        var lower = name.Trim().ToLowerInvariant();
        var customer = await db.Customers.Include(c => c.Group).FirstOrDefaultAsync(c => c.Name.ToLower() == lower, ct)
            ?? db.Customers.Add(new Customer { Name = name.Trim() }).Entity;
        if (groupName is not null)
        {
            var groupLower = groupName.Trim().ToLowerInvariant();
            customer.Group = await db.CustomerGroups.FirstOrDefaultAsync(g => g.Name.ToLower() == groupLower, ct)
                ?? new CustomerGroup { Name = groupName.Trim() };
        }
        return customer;
    }
}
