using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Core.Tests.Cadence;

public sealed class FanOutCrashTests
{
    /// <summary>
    /// The process dies while sending the 81st of 200 reviews (its job is cancelled mid-send). After the restart the
    /// sweeper finishes the fan-out once the dead worker's lease has run out: every channel ends with exactly one review.
    /// </summary>
    [Fact]
    public async Task ReviewFanOut_ProcessDiesMidway_RestartDeliversTheRestExactlyOnce()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.EnsureCadenceAsync();
        await using (var setup = h.Db())
        {
            var cco = await setup.Members.SingleAsync(m => m.PlatformUserId == "ana");
            setup.ChannelBindings.AddRange(Enumerable.Range(0, 200).Select(i => new AccountabilityBot.Core.Domain.ChannelBinding
            {
                Platform = AccountabilityBot.Core.Domain.ChatPlatform.Local, ConversationId = $"exec-{i:000}",
                Purpose = AccountabilityBot.Core.Domain.ChannelPurpose.Leadership, BoundById = cco.Id,
            }));
            await setup.SaveChangesAsync();
        }

        using var dying = new CancellationTokenSource();
        h.Sent.BeforeSend = n =>
        {
            if (n != 81) return;
            dying.Cancel();
            dying.Token.ThrowIfCancellationRequested();
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.WithScopeAsync(sp =>
            sp.GetRequiredService<AccountabilityBot.Core.Cadence.Posts.CadenceRunner>().RunAsync("review", dying.Token)));
        Assert.Equal(80, h.Sent.Posts.Count);
        h.Sent.BeforeSend = null;

        // The restarted host: the job runs again (Hangfire retries it) and the sweeper runs every minute.
        Assert.Equal(0, await h.RunCadenceAsync("review"));
        await h.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().DeliverDueAsync(500, CancellationToken.None));
        Assert.Equal(199, h.Sent.Posts.Count); // the one that was mid-send waits for its lease to run out
        h.Clock.Advance(TimeSpan.FromMinutes(3));
        await h.WithScopeAsync(sp => sp.GetRequiredService<Outbox>().DeliverDueAsync(500, CancellationToken.None));

        var perChannel = h.Sent.Posts.GroupBy(p => p.Conversation).ToList();
        Assert.Equal(200, perChannel.Count);
        Assert.All(perChannel, g => Assert.Single(g));
        await using var db = h.Db();
        Assert.Equal(200, await db.OutboundMessages.CountAsync(o => o.Kind == "review" && o.SentAt != null));
    }
}
