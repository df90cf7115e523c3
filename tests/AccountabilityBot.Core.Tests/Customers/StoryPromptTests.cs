using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Stories;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Core.Tests.Customers;

public sealed class StoryPromptTests
{
    static Task<int> RunAsync(CoreHarness h) => h.WithScopeAsync(sp => sp.GetRequiredService<StoryPrompts>().SendAsync(default));

    [Fact]
    public async Task LostWithoutStory_AsksTheAccountOwnerOnce_AndTheirAnswerBecomesTheStory()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("maria", "lost \"ACME Dental\" value:36000 reason:\"missed deliveries\"");
        await h.SayAsync("maria", "lost \"No Owner Co\" value:5000");
        await using (var db = h.Db())
        {
            var tom = await db.Members.SingleAsync(m => m.PlatformUserId == "tom");
            (await db.Customers.SingleAsync(c => c.Name == "ACME Dental")).AccountOwnerId = tom.Id;
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await RunAsync(h));
        var (conversation, message) = Assert.Single(h.Sent.Posts);
        Assert.Equal("dm:tom", conversation);
        Assert.Contains("ACME Dental left on", message.FallbackText);
        var button = Assert.Single(message.Blocks.OfType<ActionsBlock>().Single().Buttons);
        Assert.Equal(0, await RunAsync(h)); // asked once, not every hour

        Assert.Contains("Recorded story L-1", await h.SayAsync("tom", button.Fill("Three late deliveries and no call from us."), channel: conversation));
        await using var after = h.Db();
        Assert.Equal("Three late deliveries and no call from us.", (await after.LostStories.SingleAsync()).Narrative);
    }

    [Fact]
    public async Task LostWithStoryOrLongAgo_IsNotAskedAbout()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("maria", "lost \"Told Co\" value:1000 story:\"They told us.\"");
        await h.SayAsync("maria", "lost \"Old Co\" value:1000 on:2026-09-01");
        await using (var db = h.Db())
        {
            var tom = await db.Members.SingleAsync(m => m.PlatformUserId == "tom");
            foreach (var c in await db.Customers.ToListAsync()) c.AccountOwnerId = tom.Id;
            await db.SaveChangesAsync();
        }
        Assert.Equal(0, await RunAsync(h));
        Assert.Empty(h.Sent.Posts);
    }
}
