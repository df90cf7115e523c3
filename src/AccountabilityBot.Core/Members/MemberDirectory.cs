using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Members;

/// <summary>Finds members by platform id or name, and enrols new speakers (the first becomes the CCO).</summary>
public sealed class MemberDirectory(AppDbContext db, TimeProvider clock, BotSettings settings)
{
    // Compiled once: every command looks its speaker up, and EF otherwise re-walks the expression each time to find it in its cache.
    static readonly CompiledPerModel<Func<AppDbContext, ChatPlatform, string, CancellationToken, Task<Member?>>> ByPlatformId = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, ChatPlatform platform, string id, CancellationToken _) =>
            db.Members.SingleOrDefault(m => m.Platform == platform && m.PlatformUserId == id)));

    public async Task<Member> EnsureSpeakerAsync(InboundCommand inbound, CancellationToken ct)
    {
        var member = await ByPlatformId.For(db)(db, inbound.Platform, inbound.UserId, ct);
        var profile = MemberProfile.Of(inbound);
        if (member is not null)
        {
            // Saved with the command: a member stored without a profile (or with an old one) is repaired as they speak.
            profile.ApplyTo(member);
            return member;
        }
        var becomesCco = string.IsNullOrWhiteSpace(settings.InitialCco)
            ? !await db.Members.AnyAsync(m => m.Role == Role.Cco, ct)
            : string.Equals(settings.InitialCco, inbound.UserId, StringComparison.OrdinalIgnoreCase);
        member = NewMember(inbound.Platform, inbound.UserId, inbound.UserName, becomesCco ? Role.Cco : Role.Frontline);
        profile.ApplyTo(member); // all of it: a new member has no email or zone yet
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>Resolves a reference; <paramref name="enrol"/> lets the CCO name people who have not spoken yet.</summary>
    public async Task<Member> ResolveAsync(MemberRef reference, CommandContext ctx, CancellationToken ct, bool enrol = false)
    {
        if (reference.IsSelf) return ctx.Speaker;
        if (reference.PlatformUserId is { } id)
        {
            var byId = await ByPlatformId.For(db)(db, ctx.Platform, id, ct);
            if (byId is not null) return byId;
            // A platform mention always names a real user, so it is safe to enrol them.
            return await EnrolAsync(NewMember(ctx.Platform, id, reference.Name, Role.Frontline), ct);
        }
        var name = reference.Name!.Trim();
        var lower = name.ToLowerInvariant();
        var matches = await db.Members
            .Where(m => m.PlatformUserId.ToLower() == lower || m.DisplayName.ToLower() == lower)
            .ToListAsync(ct);
        var preferred = matches.Where(m => m.Platform == ctx.Platform).ToList();
        if (preferred.Count == 1) return preferred[0];
        if (matches.Count == 1) return matches[0];
        if (matches.Count > 1)
            throw new CommandRejectedException($"More than one member is called @{name}; mention them directly instead.");
        if (enrol && ctx.Platform == ChatPlatform.Local)
            return await EnrolAsync(NewMember(ctx.Platform, lower, name, Role.Frontline), ct);
        var known = await db.Members.Select(m => m.DisplayName).ToListAsync(ct);
        var hint = DidYouMean(name, known);
        throw new CommandRejectedException(
            $"I don't know anyone called @{name} yet.{(hint is null ? "" : $" Did you mean @{hint}?")} " +
            "Mention them with your chat's @-mention, or ask the CCO to add them with `role @name executive`.");
    }

    async Task<Member> EnrolAsync(Member member, CancellationToken ct)
    {
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }

    Member NewMember(ChatPlatform platform, string id, string? name, Role role) => new()
    {
        Platform = platform,
        PlatformUserId = id,
        DisplayName = string.IsNullOrWhiteSpace(name) ? id : MemberProfile.Fit(name)!,
        Role = role,
        JoinedAt = clock.UtcNow(),
    };

    static string? DidYouMean(string name, IEnumerable<string> known) =>
        known.Where(k => k.StartsWith(name, StringComparison.OrdinalIgnoreCase) || name.StartsWith(k, StringComparison.OrdinalIgnoreCase))
            .OrderBy(k => k.Length).FirstOrDefault();
}
