using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Tests.Commands;

public sealed class CommandDispatcherTests
{
    [Fact]
    public async Task FirstSpeaker_InFreshInstallation_BecomesCco()
    {
        using var h = new CoreHarness();
        await h.SayAsync("ana", "help");
        await h.SayAsync("jo", "help");
        await using var db = h.Db();
        Assert.Equal(Role.Cco, (await db.Members.SingleAsync(m => m.PlatformUserId == "ana")).Role);
        Assert.Equal(Role.Frontline, (await db.Members.SingleAsync(m => m.PlatformUserId == "jo")).Role);
    }

    [Fact]
    public async Task ConfiguredCco_IsTheCcoEvenIfNotFirst()
    {
        using var h = new CoreHarness(new Common.BotSettings { InitialCco = "maria" });
        await h.SayAsync("ana", "help");
        await h.SayAsync("maria", "help");
        await using var db = h.Db();
        Assert.Equal(Role.Frontline, (await db.Members.SingleAsync(m => m.PlatformUserId == "ana")).Role);
        Assert.Equal(Role.Cco, (await db.Members.SingleAsync(m => m.PlatformUserId == "maria")).Role);
    }

    [Fact]
    public async Task RetriedDelivery_SameId_AnswersAgainWithoutRecordingTwice()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var first = await h.SayAsync("maria", "decide Refund the October outage fees", deliveryId: "Ev1");
        var retry = await h.SayAsync("maria", "decide Refund the October outage fees", deliveryId: "Ev1");
        Assert.Equal(first, retry);
        Assert.Contains("D-1", first);
        await using var db = h.Db();
        Assert.Equal(1, await db.Decisions.CountAsync());
    }

    [Fact]
    public async Task EveryCommand_IsStoredBeforeHandling_EvenWhenRejected()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("jo", "decide Stop doing refunds");
        await using var db = h.Db();
        var stored = await db.ReceivedCommands.OrderBy(r => r.Id).LastAsync();
        Assert.Equal("decide Stop doing refunds", stored.Text);
        Assert.NotNull(stored.HandledAt);
        Assert.Contains("Only executives", stored.ReplyJson);
    }

    [Fact]
    public async Task RejectedCommand_LeavesNoHalfWrittenRecord()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await using (var db = h.Db()) Assert.Equal(0, await db.Commitments.CountAsync());
        var auditBefore = await CountAudit(h);
        var reply = await h.SayAsync("maria", "commit Fix onboarding owner:@tom due:friday stage:Warp");
        Assert.Contains("no journey stage called 'Warp'", reply);
        await using (var db = h.Db())
        {
            Assert.Equal(0, await db.Commitments.CountAsync());
            Assert.Equal(auditBefore, await CountAudit(h));
        }
    }

    [Fact]
    public async Task FrontlineMember_CannotDecide_AndIsToldWhoCan()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var reply = await h.SayAsync("jo", "decide Waive fees");
        Assert.Contains("Only executives and the CCO can do that", reply);
        await using var db = h.Db();
        Assert.Equal(0, await db.Decisions.CountAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("dcide something")]
    [InlineData("commit \"unbalanced quote due:friday")]
    [InlineData("update C-999 at-risk")]
    [InlineData("done D-3")]
    [InlineData("commit Fix it due:2026-02-30")]
    [InlineData("lost \"ACME\" value:-5")]
    [InlineData("🙂🙂🙂")]
    public async Task BadInput_GetsAFriendlyWarning_AndRecordsNothing(string text)
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var reply = await h.SayAsync("maria", text);
        Assert.StartsWith("⚠️", reply);
        await using var db = h.Db();
        Assert.Equal(0, await db.Commitments.CountAsync() + await db.Decisions.CountAsync() + await db.CustomerEvents.CountAsync());
    }

    [Fact]
    public async Task TenThousandCharacters_AnsweredWithoutRecording()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var reply = await h.SayAsync("maria", "decide " + new string('x', 10_000));
        Assert.Contains("too long", reply);
    }

    static async Task<int> CountAudit(CoreHarness h)
    {
        await using var db = h.Db();
        return await db.AuditTrail.CountAsync();
    }

    [Fact]
    public async Task Retry_OfADeliveryAbandonedByACrash_IsHandledOnce()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await using (var db = h.Db())
        {
            // What a process that died mid-command leaves behind: stored, never answered.
            db.ReceivedCommands.Add(new ReceivedCommand
            {
                Platform = ChatPlatform.Local, DeliveryId = "Ev9", ConversationId = "leadership", UserId = "maria",
                Text = "decide Hire a second onboarding specialist", ReceivedAt = CoreHarness.Thursday.UtcDateTime,
            });
            await db.SaveChangesAsync();
        }
        Assert.Contains("still working", await h.SayAsync("maria", "decide Hire a second onboarding specialist", deliveryId: "Ev9"));
        h.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains("D-1", await h.SayAsync("maria", "decide Hire a second onboarding specialist", deliveryId: "Ev9"));
        Assert.Contains("D-1", await h.SayAsync("maria", "decide Hire a second onboarding specialist", deliveryId: "Ev9"));
        await using var check = h.Db();
        Assert.Equal(1, await check.Decisions.CountAsync());
    }
}
