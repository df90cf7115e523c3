using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.ApiKeys;

/// <summary>The CCO lists, creates and revokes API keys. A new key is shown once, in the reply, and never stored.</summary>
public sealed class ApiKeyHandler(AppDbContext db) : ICommandHandler<ApiKeyCommand>
{
    public async Task<ChatMessage> HandleAsync(ApiKeyCommand command, CommandContext ctx, CancellationToken ct)
    {
        var keys = db.Set<ApiKey>();
        var active = await keys.Where(k => k.RevokedAt == null).OrderBy(k => k.Name).ToListAsync(ct);
        var existing = active.FirstOrDefault(k => string.Equals(k.Name, command.Name, StringComparison.OrdinalIgnoreCase));
        switch (command.Action)
        {
            case ApiKeyAction.Create:
                if (existing is not null)
                    throw new CommandRejectedException($"There is already a key called {existing.Name}; revoke it first, or pick another name.");
                var (key, lookup, hash) = ApiKeySecrets.Create();
                keys.Add(new ApiKey { Name = command.Name!, LookupId = lookup, SecretHash = hash, CreatedAt = ctx.UtcNow, CreatedById = ctx.Speaker.Id });
                db.Audit(ctx, "apikey.create", command.Name, $"API key {command.Name} created");
                await db.SaveChangesAsync(ct);
                return new ChatMessage(
                [
                    new TextBlock(RichText.Of(new TextSpan("Created API key "), new TextSpan(command.Name!, Bold: true), new TextSpan(". Copy it now: it is shown only once."))),
                    new TextBlock(key),
                    new ContextBlock("Send it in the X-Api-Key header. `apikey revoke " + command.Name + "` turns it off."),
                ]);
            case ApiKeyAction.Revoke:
                if (existing is null)
                    throw new CommandRejectedException($"There is no active key called {command.Name}. `apikey` lists them.");
                existing.RevokedAt = ctx.UtcNow;
                db.Audit(ctx, "apikey.revoke", existing.Name, $"API key {existing.Name} revoked");
                await db.SaveChangesAsync(ct);
                return ChatMessage.Text($"Revoked API key {existing.Name}; requests with it now get 401.");
            default:
                return active.Count == 0
                    ? ChatMessage.Text("There are no API keys. `apikey create NAME` makes one.")
                    : new ChatMessage([new TextBlock(RichText.Bold("API keys")),
                        new ListBlock([.. active.Select(k => (RichText)$"{k.Name} — created {Format.Date(DateOnly.FromDateTime(k.CreatedAt))}")])]);
        }
    }
}
