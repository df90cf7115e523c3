using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Core.Tests.Commands;

/// <summary>A follow-up that runs longer than a lease (a long Retry-After, say) keeps its lease: the sweep starts no second copy.</summary>
public sealed class FollowUpLeaseTests
{
    sealed class SlowHandler : IFollowUpHandler
    {
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Runs;

        public ChatPlatform Platform => ChatPlatform.Local;

        public async Task FinishAsync(ReceivedCommand row, CancellationToken ct)
        {
            if (Interlocked.Increment(ref Runs) > 1) return;
            Started.SetResult();
            await Release.Task;
        }
    }

    [Fact]
    public async Task FollowUp_RunningPastItsLease_IsNotTakenOverByTheSweep()
    {
        var handler = new SlowHandler();
        using var h = new CoreHarness(configure: s => s.AddScoped<IFollowUpHandler>(_ => handler));
        var id = await h.WithScopeAsync(sp => sp.GetRequiredService<Inbox>().AcceptAsync(
            new InboundCommand(ChatPlatform.Local, "leadership", "ana", "help", "d-slow", FollowUp: "reply"), evenIfHandled: false, CancellationToken.None));
        var followUps = await h.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<FollowUps>()));
        var lease = await h.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<InboxSettings>().Lease));

        var run = followUps.RunAsync(id!.Value, CancellationToken.None);
        await handler.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var elapsed = TimeSpan.Zero; elapsed < lease * 3; elapsed += lease / 6)
        {
            h.Clock.Advance(lease / 6);
            await Task.Delay(100); // the renewal's database update, on real time
        }
        Assert.Equal(0, await followUps.SweepAsync(CancellationToken.None));

        handler.Release.SetResult();
        Assert.True(await run);
        Assert.Equal(1, handler.Runs);
    }
}
