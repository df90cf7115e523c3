using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.ApiKeys;

public enum ApiKeyAction { List, Create, Revoke }

/// <summary><c>apikey</c>, <c>apikey create NAME</c>, <c>apikey revoke NAME</c>: the CCO's keys for the HTTP API.</summary>
public sealed record ApiKeyCommand(ApiKeyAction Action, string? Name) : ChatCommand;

internal static class ApiKeyVerb
{
    public static Verb Verb { get; } = new("apikey", "apikey\napikey create NAME\napikey revoke NAME", "apikey create hubspot",
        "List, create or revoke keys for the HTTP API (CRM webhooks, imports, exports, the dashboard).",
        Parse, [CommandRoute.For<ApiKeyCommand, ApiKeyHandler>(Role.Cco)]);

    static ApiKeyCommand Parse(CommandInput input)
    {
        var words = input.Words;
        if (words.Count == 0) return new ApiKeyCommand(ApiKeyAction.List, null);
        var action = words[0].Lower switch
        {
            "create" => ApiKeyAction.Create,
            "revoke" => ApiKeyAction.Revoke,
            _ => throw new ParseFailure($"I don't know 'apikey {DidYouMean.Echo(words[0].Text)}'; use create or revoke."),
        };
        var name = words.ElementAtOrDefault(1) is { } n ? Words.Clean(n.Text, "key name", 64)
            : throw new ParseFailure($"Name the key: apikey {words[0].Lower} hubspot.");
        input.ExpectNothingAfter(2, $"apikey {words[0].Lower} NAME");
        return new ApiKeyCommand(action, name);
    }
}

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
                ctx.RequirePrivate("A new API key");
                if (existing is not null)
                    throw new CommandRejectedException($"There is already a key called {existing.Name}; revoke it first, or pick another name.");
                var (key, lookup, hash) = ApiKeySecrets.Create();
                keys.Add(new ApiKey { Name = command.Name!, LookupId = lookup, SecretHash = hash, CreatedAt = ctx.UtcNow, CreatedById = ctx.Speaker.Id });
                db.Audit(ctx, "apikey.create", command.Name, $"API key {command.Name} created");
                await db.SaveChangesAsync(ct);
                return ShownOnce(command.Name!, key);
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

    /// <summary>
    /// The reply with the key, for the person who asked; what is stored of it (a repeat of the delivery, the outbox)
    /// says the key was shown once and how to replace it.
    /// </summary>
    static ChatMessage ShownOnce(string name, string key) => new(
    [
        new TextBlock(RichText.Of(new TextSpan("Created API key "), new TextSpan(name, Bold: true), new TextSpan(". Copy it now: it is shown only once."))),
        new TextBlock(key),
        new ContextBlock($"Send it in the X-Api-Key header. `apikey revoke {name}` turns it off."),
    ])
    {
        StoredAs = new([
            new TextBlock(RichText.Of(new TextSpan("API key "), new TextSpan(name, Bold: true),
                new TextSpan(" was created and shown once; it is not kept anywhere, so it cannot be shown again."))),
            new ContextBlock($"Lost it? `apikey revoke {name}`, then `apikey create {name}` makes a new one."),
        ]),
    };
}
