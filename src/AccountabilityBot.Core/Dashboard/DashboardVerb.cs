using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Grammar;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Dashboard;

/// <summary><c>dashboard</c>: a private, single-use sign-in link to the dashboard, for the member who asks.</summary>
public sealed record DashboardCommand : ChatCommand;

internal static class DashboardVerb
{
    public static Verb Verb { get; } = new("dashboard", "dashboard", "dashboard",
        "A private sign-in link to the dashboard in your browser (one use, one browser, 10 minutes).",
        Parse, [CommandRoute.For<DashboardCommand, DashboardHandler>(Role.Frontline)]);

    static DashboardCommand Parse(CommandInput input)
    {
        input.ExpectNothingAfter(0, "dashboard");
        return new DashboardCommand();
    }
}

/// <summary>
/// Makes the link: a random token in the reply (shown once, never stored: <see cref="ChatMessage.StoredAs"/>), its hash
/// in the database. A member may ask for <see cref="PerWindow"/> links in <see cref="Window"/>, so a leaked chat session
/// cannot mint links without end.
/// </summary>
public sealed class DashboardHandler(AppDbContext db, IDashboardAddress address) : ICommandHandler<DashboardCommand>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    public const int PerWindow = 5;
    public const string SignInPath = "dashboard/sign-in";

    public async Task<ChatMessage> HandleAsync(DashboardCommand command, CommandContext ctx, CancellationToken ct)
    {
        ctx.RequirePrivate("A sign-in link");
        var links = db.Set<DashboardSignIn>();
        var since = ctx.UtcNow - Window;
        var recent = await links.Where(l => l.MemberId == ctx.Speaker.Id && l.CreatedAt > since).Select(l => l.CreatedAt).ToListAsync(ct);
        if (recent.Count >= PerWindow)
        {
            var wait = (int)Math.Ceiling((recent.Min() + Window - ctx.UtcNow).TotalMinutes);
            throw new CommandRejectedException($"You have asked for {PerWindow} sign-in links in the last {Window.TotalMinutes:0} minutes. " +
                $"Use the newest one, or ask again in {Math.Max(wait, 1)} minute{(wait > 1 ? "s" : "")}.");
        }
        var token = DashboardTokens.New();
        links.Add(new DashboardSignIn
        {
            TokenHash = DashboardTokens.Hash(token), MemberId = ctx.Speaker.Id, CreatedAt = ctx.UtcNow, ExpiresAt = ctx.UtcNow + Lifetime,
        });
        db.Audit(ctx, "dashboard.link", ctx.Speaker.PlatformUserId, $"Dashboard sign-in link for {ctx.Speaker.DisplayName}");
        await db.SaveChangesAsync(ct);
        return ShownOnce(new Uri(address.BaseUrl, $"{SignInPath}?token={token}").ToString());
    }

    static ChatMessage ShownOnce(string url) => new(
    [
        new TextBlock(RichText.Of(new TextSpan("Your sign-in link: "), new LinkSpan(url, "open the dashboard"))),
        new ContextBlock($"It is yours alone: it works once, in one browser, for {Lifetime.TotalMinutes:0} minutes. Don't forward it."),
    ])
    {
        StoredAs = new([
            new TextBlock("A dashboard sign-in link was shown here once; it is not kept, so it cannot be shown again."),
            new ContextBlock("Type `dashboard` for a new one."),
        ]),
    };
}
