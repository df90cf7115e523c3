using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Core.Tests.Messaging;

public sealed class PauseNoticesTests
{
    [Fact]
    public async Task SlackPaused_TellsTheCcosReachableElsewhereAndTheLocalPage_OnceADayWhateverTheRestarts()
    {
        using var h = new CoreHarness();
        await using (var db = h.Db())
        {
            db.Members.AddRange(
                new Member { Platform = ChatPlatform.Slack, PlatformUserId = "UANA", DisplayName = "Ana", Role = Role.Cco },
                new Member { Platform = ChatPlatform.Teams, PlatformUserId = "29:ana", DisplayName = "Ana", Role = Role.Cco },
                new Member { Platform = ChatPlatform.Teams, PlatformUserId = "29:jo", DisplayName = "Jo", Role = Role.Frontline });
            await db.SaveChangesAsync();
        }
        var pauses = await h.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<PlatformPauses>()));

        Assert.True(pauses.Pause(ChatPlatform.Slack, "Reinstall the app."));
        Assert.False(pauses.Pause(ChatPlatform.Slack, "again"));
        Assert.True(pauses.Changes.TryRead(out var change));
        Assert.False(pauses.Changes.TryRead(out _)); // one pause, one change
        await Notify(h, change);
        await Notify(h, change); // the same outage seen again after a restart

        var notices = await h.WithScopeAsync(sp => sp.GetRequiredService<Core.Persistence.AppDbContext>().OutboundMessages
            .Where(o => o.Kind == "platform-paused").Select(o => new { o.Platform, o.ConversationId }).ToListAsync());
        Assert.Equal([(ChatPlatform.Local, "leadership"), (ChatPlatform.Teams, "@29:ana")],
            notices.Select(n => (n.Platform, n.ConversationId)).OrderBy(n => n.Platform));
    }

    static Task<int> Notify(CoreHarness h, PauseChange change) => h.WithScopeAsync(async sp =>
    {
        await sp.GetRequiredService<PauseNotices>().HandleAsync(change, CancellationToken.None);
        return 0;
    });
}
