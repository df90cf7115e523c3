using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Core.Tests.Commands;

/// <summary>What the engine says happened, as every adapter reads it: never from the reply's text.</summary>
public sealed class CommandOutcomeTests
{
    [Fact]
    public async Task Decide_ByAnExecutive_IsDoneAndFresh()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var outcome = await h.OutcomeAsync("maria", "decide Waive the late fee", deliveryId: "d1");
        Assert.Equal((OutcomeKind.Done, true, false), (outcome.Kind, outcome.Fresh, outcome.IsRefusal));
        Assert.Null(outcome.Refusal);
        await using var db = h.Db();
        var row = await db.ReceivedCommands.SingleAsync(r => r.DeliveryId == "d1");
        Assert.Equal(row.Id, outcome.ReceivedId);
        Assert.Null(row.Refusal);
    }

    [Fact]
    public async Task ParseError_IsRefusedWithTheReasonAndTheUsage()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var outcome = await h.OutcomeAsync("maria", "commit Fix it due:2026-02-30");
        Assert.Equal((OutcomeKind.Refused, true), (outcome.Kind, outcome.Fresh));
        Assert.False(string.IsNullOrWhiteSpace(outcome.Refusal));
        Assert.False(string.IsNullOrWhiteSpace(outcome.Usage));
        Assert.DoesNotContain("⚠️", outcome.Refusal); // the reason alone; the reply dresses it
    }

    [Fact]
    public async Task WrongRole_IsRefused_AndARepeatOfItIsStillARefusal()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var first = await h.OutcomeAsync("jo", "decide Waive fees", deliveryId: "view:1");
        var again = await h.OutcomeAsync("jo", "decide Waive fees", deliveryId: "view:1");

        Assert.Equal(OutcomeKind.Refused, first.Kind);
        Assert.StartsWith("Only executives", first.Refusal);
        Assert.Equal((OutcomeKind.Repeat, false, true), (again.Kind, again.Fresh, again.IsRefusal));
        Assert.Equal(first.Refusal, again.Refusal);
        Assert.Equal(first.ReceivedId, again.ReceivedId);
        await using var db = h.Db();
        Assert.Equal(first.Refusal, (await db.ReceivedCommands.SingleAsync(r => r.DeliveryId == "view:1")).Refusal);
    }

    [Fact]
    public async Task RepeatOfADoneCommand_IsARepeatThatRefusedNothing()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.OutcomeAsync("maria", "decide Waive the late fee", deliveryId: "d2");
        var again = await h.OutcomeAsync("maria", "decide Waive the late fee", deliveryId: "d2");
        Assert.Equal((OutcomeKind.Repeat, false), (again.Kind, again.IsRefusal));
        Assert.Contains("D-1", again.Reply.FallbackText);
    }

    [Fact]
    public async Task AnotherCopyStillRunning_IsStillWorking()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await using (var db = h.Db())
        {
            db.ReceivedCommands.Add(new ReceivedCommand
            {
                Platform = ChatPlatform.Local, DeliveryId = "busy", ConversationId = "leadership", UserId = "maria",
                Text = "decide Hire", ReceivedAt = h.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }
        var outcome = await h.OutcomeAsync("maria", "decide Hire", deliveryId: "busy");
        Assert.Equal((OutcomeKind.StillWorking, false, false), (outcome.Kind, outcome.Fresh, outcome.IsRefusal));
    }

    [Fact]
    public async Task TheBotsOwnError_IsFailed_RolledBack_AndItsRepeatSaysSoToo()
    {
        using var h = await new CoreHarness(configure: s => s.AddSingleton<IInterceptor, ExplodingDecision>()).WithTeamAsync();
        var outcome = await h.OutcomeAsync("maria", "decide explode", deliveryId: "f1");
        var again = await h.OutcomeAsync("maria", "decide explode", deliveryId: "f1");

        Assert.Equal((OutcomeKind.Failed, true), (outcome.Kind, outcome.IsRefusal));
        Assert.Equal(Replies.NothingRecordedText, outcome.Refusal);
        Assert.Equal((OutcomeKind.Repeat, Replies.NothingRecordedText), (again.Kind, again.Refusal));
        await using var db = h.Db();
        Assert.Equal(0, await db.Decisions.CountAsync());
    }

    [Fact]
    public async Task DatabaseThatCannotTakeIt_IsNotStored_ReturnedNotThrown()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        h.Writer.BeforeCommit = _ => throw new IOException("disk I/O error");
        var outcome = await h.OutcomeAsync("maria", "decide Waive the late fee", deliveryId: "n1");
        h.Writer.BeforeCommit = null;

        Assert.Equal((OutcomeKind.NotStored, false, true), (outcome.Kind, outcome.Fresh, outcome.IsRefusal));
        Assert.Null(outcome.ReceivedId);
        Assert.IsType<IOException>(outcome.Error);
        Assert.Contains("nothing was recorded", outcome.Reply.FallbackText);
        Assert.Throws<InvalidOperationException>(() => outcome.ThrowIfNotStored());
        await using var db = h.Db();
        Assert.False(await db.ReceivedCommands.AnyAsync(r => r.DeliveryId == "n1"));
        Assert.Equal(0, await db.Decisions.CountAsync());
    }

    [Fact]
    public async Task ShownOnceAnswer_KeptByDelivery_ReadWholeOnce_ThenItsStoredForm()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var outcome = await h.OutcomeAsync("ana", "apikey create crm", deliveryId: "k1");
        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        var replies = await h.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<StoredReplies>()));
        ReceivedCommand Row() { using var db = h.Db(); return db.ReceivedCommands.AsNoTracking().Single(r => r.DeliveryId == "k1"); }

        Assert.Contains("abk_", replies.Find(Row())!.FallbackText);
        Assert.DoesNotContain("abk_", Row().ReplyJson);
        replies.Delivered(Row());
        Assert.DoesNotContain("abk_", replies.Find(Row())!.FallbackText);
    }

    [Fact]
    public async Task ShownOnceAnswer_NeverAskedFor_IsForgottenAfterItsLifetime()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.OutcomeAsync("ana", "apikey create crm", deliveryId: "k2");
        var replies = await h.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<StoredReplies>()));
        ReceivedCommand Row() { using var db = h.Db(); return db.ReceivedCommands.AsNoTracking().Single(r => r.DeliveryId == "k2"); }

        h.Clock.Advance(ShownOnceMessages.ReplyLifetime - TimeSpan.FromSeconds(1));
        Assert.Contains("abk_", replies.Find(Row())!.FallbackText);
        h.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain("abk_", replies.Find(Row())!.FallbackText);
    }

    sealed class ExplodingDecision : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default) =>
            eventData.Context!.ChangeTracker.Entries<Decision>().Any(e => e.Entity.Text == "explode")
                ? throw new InvalidOperationException("simulated write failure")
                : base.SavingChangesAsync(eventData, result, ct);
    }
}
