using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Members;

/// <summary><c>role @tom executive</c>; <c>role</c> lists the roster.</summary>
public sealed record RoleCommand(MemberRef? Member, Role? Role) : ChatCommand;

internal static class RoleVerb
{
    public static Verb Verb { get; } = new("role", "role\nrole @name cco|executive|frontline", "role @tom executive",
        "List the roster, or set someone's role.",
        Parse, [CommandRoute.For<RoleCommand, RoleHandler>(c => c.Member is null ? Role.Frontline : Role.Cco)]);

    static readonly Dictionary<string, Role> Roles = new()
    {
        ["cco"] = Role.Cco, ["executive"] = Role.Executive, ["exec"] = Role.Executive, ["frontline"] = Role.Frontline,
    };

    static RoleCommand Parse(CommandInput input)
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
}

/// <summary>The CCO names the leadership roster; anyone can see it.</summary>
public sealed class RoleHandler(AppDbContext db, MemberDirectory members, BotSettings settings) : ICommandHandler<RoleCommand>
{
    public async Task<ChatMessage> HandleAsync(RoleCommand command, CommandContext ctx, CancellationToken ct)
    {
        if (command is { Member: { } who, Role: { } role })
        {
            var member = await members.ResolveAsync(who, ctx, ct, enrol: true);
            if (member.Role == Role.Cco && role != Role.Cco && await db.Members.CountAsync(m => m.Role == Role.Cco, ct) == 1)
                throw new CommandRejectedException("There must always be a CCO. Make someone else the CCO first, then change this role.");
            var before = member.Role;
            member.Role = role;
            db.Audit(ctx, "member.role", member.PlatformUserId, $"{member.DisplayName}: {before} → {role}");
            await db.SaveChangesAsync(ct);
            return ChatMessage.Text(RichText.Of(new TextSpan("✅ "), MentionSpan.Of(member), new TextSpan($" is now {Replies.RoleName(role)}.")));
        }
        var roster = await db.Members.OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName).ToListAsync(ct);
        var teamZone = await TeamZone.FindAsync(db, settings, ct);
        var blocks = new List<MessageBlock> { new HeaderBlock("The roster") };
        foreach (var group in roster.GroupBy(m => m.Role))
        {
            blocks.Add(new TextBlock(RichText.Bold(group.Key switch { Role.Cco => "CCO", Role.Executive => "Executives", _ => "Frontline" })));
            blocks.Add(new ListBlock(group.Select(m => RichText.Of(MentionSpan.Of(m),
                new TextSpan(Availability.AwayNote(m, ctx.UtcNow, teamZone) is { } away ? $" ({away})" : ""))).ToList()));
        }
        return new ChatMessage(blocks);
    }
}
