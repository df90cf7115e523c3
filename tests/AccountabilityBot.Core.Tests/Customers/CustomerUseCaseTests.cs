using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Tests.Customers;

public sealed class CustomerUseCaseTests
{
    [Fact]
    public async Task Lost_WithStory_RecordsEventAndStoryL1()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var reply = await h.SayAsync("maria",
            "lost \"ACME Dental\" value:36000 reason:\"missed deliveries\" story:\"Three missed deliveries in October...\"");
        Assert.Contains("Recorded a lost customer E-1: ACME Dental", reply);
        Assert.Contains("$36,000 a year", reply);
        Assert.Contains("L-1", reply);
        await using var db = h.Db();
        var ev = await db.CustomerEvents.Include(e => e.Customer).Include(e => e.Story).SingleAsync();
        Assert.Equal(CustomerEventKind.Lost, ev.Kind);
        Assert.Equal(36000m, ev.AnnualValue);
        Assert.Equal(new DateOnly(2026, 11, 26), ev.OccurredOn);
        Assert.Equal("Three missed deliveries in October...", ev.Story!.Narrative);
    }

    [Fact]
    public async Task SameCustomerTwice_IsOneCustomer_CaseInsensitive()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("maria", "won \"ACME Dental\" value:20000 group:Dental");
        await h.SayAsync("maria", "renewed \"acme dental\" value:22000 reason:\"fast support\"");
        await using var db = h.Db();
        Assert.Equal(1, await db.Customers.CountAsync());
        Assert.Equal("Dental", (await db.Customers.Include(c => c.Group).SingleAsync()).Group!.Name);
        Assert.Equal(2, await db.CustomerEvents.CountAsync());
    }

    [Fact]
    public async Task Story_ForCustomerWithoutLoss_IsRefused_ThenToldAfterLoss()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        Assert.Contains("no lost event for 'Bright Vets'", await h.SayAsync("maria", "story \"Bright Vets\" \"They waited 3 weeks.\""));
        await h.SayAsync("maria", "lost \"Bright Vets\" value:12000 reason:\"onboarding took too long\"");
        Assert.Contains("Recorded story L-1", await h.SayAsync("maria", "story \"Bright Vets\" \"They waited 3 weeks.\""));
        Assert.Contains("They waited 3 weeks.", await h.SayAsync("maria", "story L-1"));
    }

    [Fact]
    public async Task Resolved_ByFrontline_IsThankedWithTheWeeksTally()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("jo", "resolved \"Re-sent a lost invoice\"");
        var reply = await h.SayAsync("jo", "resolved \"Refunded shipping for a late delivery\" customer:\"ACME Dental\" stage:Delivery cost:25");
        Assert.Contains("Thank you, jo! Logged R-2", reply);
        Assert.Contains("2 issues on their own", reply);
        await using var db = h.Db();
        var r = await db.Resolutions.Include(x => x.Stage).OrderBy(x => x.Id).LastAsync();
        Assert.Equal(25m, r.Cost);
        Assert.Equal("Delivery", r.Stage!.Name);
        Assert.Equal("ACME Dental", r.CustomerName);
    }

    [Fact]
    public async Task Story_FrontlineAccountOwnerMayTellIt_ButNotOverwriteATold()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("maria", "lost \"Bright Vets\" value:12000 reason:\"onboarding took too long\"");
        Assert.Contains("Recorded story L-1", await h.SayAsync("jo", "story \"Bright Vets\" \"They waited three weeks for training.\""));
        Assert.Contains("already told (L-1)", await h.SayAsync("jo", "story \"Bright Vets\" \"Something else.\""));
        Assert.Contains("Only executives", await h.SayAsync("jo", "story L-1 \"Something else.\""));
        Assert.Contains("three weeks", await h.SayAsync("maria", "story L-1"));
    }
}
