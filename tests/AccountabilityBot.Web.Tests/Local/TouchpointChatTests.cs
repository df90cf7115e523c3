using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Local;

/// <summary>The <c>touchpoint</c> verb through the real host on the local channel (Thursday 26 Nov 2026).</summary>
[Collection(ChatHostTests.Name)]
public sealed class TouchpointChatTests : IAsyncLifetime
{
    const string Add = "touchpoint add \"First reply within 4 hours\" stage:\"Get help\" unit:hours good:down threshold:4 owner:@maria";
    readonly BotApplication app = new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    public async Task InitializeAsync()
    {
        await app.SayAsync("ana", "help");
        await app.SayAsync("ana", "role @tom executive");
        await app.SayAsync("ana", "role @maria executive");
        await app.SayAsync("ana", "role @fran frontline");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Add_ThenValues_RecordsOnePerDay_AndTheListShowsLatestAndOwner()
    {
        var added = await app.SayAsync("ana", Add);
        Assert.Contains("T-1", added.Text);
        Assert.Contains("4 hours, lower is better", added.Text);

        var first = await app.SayAsync("tom", "touchpoint value \"First reply within 4 hours\" 3.5 hours on:yesterday");
        Assert.Contains("3.5 hours, within the threshold", first.Text);
        // Plain words: the last number is the value, so the 4 in the name stays in the name.
        var replaced = await app.SayAsync("tom", "touchpoint value First reply within 4 hours 4.5h on:yesterday");
        Assert.Contains("Replaced the value", replaced.Text);
        Assert.Contains("past the threshold of 4 hours", replaced.Text);
        await app.SayAsync("tom", "touchpoint value T-1 3 on:2026-11-20");

        var rows = await app.WithDbAsync(db => db.TouchpointValues.OrderBy(v => v.On).Select(v => new { v.On, v.Value }).ToListAsync());
        Assert.Equal([new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 25)], rows.Select(r => r.On));
        Assert.Equal(4.5m, rows[1].Value);

        var list = await app.SayAsync("fran", "touchpoints");
        Assert.Contains("T-1 First reply within 4 hours", list.Text);
        Assert.Contains("4.5 hours on 25 Nov", list.Text);
        Assert.Contains("fix owned by @maria", list.Text);
        Assert.Contains("🔴 T-1", list.Text);
    }

    [Fact]
    public async Task Edit_Threshold_ChangesWhetherTheLatestValueIsPast()
    {
        await app.SayAsync("ana", Add);
        await app.SayAsync("tom", "touchpoint value T-1 5 on:yesterday");
        var edited = await app.SayAsync("ana", "touchpoint edit \"first reply within 4 hours\" threshold:6 owner:@tom");
        Assert.Contains("Updated touchpoint", edited.Text);
        Assert.Contains("6 hours, lower is better", edited.Text);
        var t = await app.WithDbAsync(db => db.Touchpoints.Include(x => x.Owner).SingleAsync());
        Assert.Equal((6m, "tom"), (t.Threshold, t.Owner.PlatformUserId));
        Assert.DoesNotContain("🔴 T-1", (await app.SayAsync("ana", "touchpoint list")).Text);
    }

    [Theory]
    [InlineData("tom", "touchpoint value \"First reply withn 4 hours\" 3", "no touchpoint called 'First reply withn 4 hours'. Did you mean `First reply")]
    [InlineData("tom", "touchpoint value T-1 3.5 days", "First reply within 4 hours is measured in hours, not days")]
    [InlineData("tom", "touchpoint value T-1 3.5 on:dec 4", "is in the future")]
    [InlineData("tom", "touchpoint value \"First reply within 4 hours\" soon", "'soon' isn't a number")]
    [InlineData("tom", "touchpoint value T-9 3", "There is no touchpoint T-9")]
    [InlineData("fran", "touchpoint value T-1 3", "executive")]
    [InlineData("tom", "touchpoint edit T-1 threshold:5", "CCO")]
    [InlineData("ana", "touchpoint add \"First reply within 4 hours\" stage:\"Get help\" unit:hours good:down threshold:4", "already a touchpoint")]
    [InlineData("ana", "touchpoint add Delivered on time stage:Delivery unit:% good:sideways threshold:95", "good: takes up")]
    [InlineData("ana", "touchpoint add Delivered on time stage:Nowhere unit:% good:up threshold:95", "no journey stage called 'Nowhere'")]
    public async Task BadInput_IsRefusedWithAClearMessage_AndNothingIsWritten(string who, string text, string expected)
    {
        Assert.Contains("T-1", (await app.SayAsync("ana", Add)).Text);
        var reply = await app.SayAsync(who, text);
        Assert.Contains(expected, reply.Text);
        Assert.Equal(0, await app.WithDbAsync(db => db.TouchpointValues.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Touchpoints.CountAsync()));
        Assert.Equal(4m, await app.WithDbAsync(db => db.Touchpoints.Select(t => t.Threshold).SingleAsync()));
    }

    [Fact]
    public async Task Help_ShowsTheVerbWithItsExample()
    {
        var help = await app.SayAsync("ana", "help touchpoint");
        Assert.Contains("touchpoint value NAME NUMBER", help.Text);
        Assert.Contains("good:down threshold:4", help.Text);
    }
}
