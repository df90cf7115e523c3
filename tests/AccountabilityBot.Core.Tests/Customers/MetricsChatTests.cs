using AccountabilityBot.Core.ApiKeys;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Tests.Customers;

/// <summary>jar, why lost and apikey through the whole command path (today is Thursday 2026-11-26).</summary>
public sealed class MetricsChatTests
{
    [Fact]
    public async Task Jar_Quarter_ShowsWholeNumbersAndNet()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("maria", "won \"ACME\" value:36000 on:2026-10-05");
        await h.SayAsync("maria", "won \"Bright\" value:9000 on:2026-11-24");
        await h.SayAsync("maria", "lost \"Cold\" value:12000.40 reason:price on:2026-11-02");
        var reply = await h.SayAsync("jo", "jar quarter");
        Assert.Contains("The marble jar — this quarter so far", reply);
        Assert.Contains("2 customers · $45,000 a year", reply);
        Assert.Contains("1 customer · $12,000 a year", reply);
        Assert.Contains("Net growth: +1 customer, +$33,000 a year", reply);
        var week = await h.SayAsync("jo", "jar");
        Assert.Contains("Net growth: +1 customer, +$9,000 a year", week);
    }

    [Fact]
    public async Task WhyLost_RanksReasonsByCountThenValue()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("maria", "lost \"A\" value:5000 reason:\"slow support\" on:2026-11-02");
        await h.SayAsync("maria", "lost \"B\" value:90000 reason:price on:2026-11-03");
        await h.SayAsync("maria", "lost \"C\" value:1000 reason:\"Slow support\" on:2026-11-04");
        var reply = await h.SayAsync("tom", "why lost");
        Assert.True(reply.IndexOf("Slow support — 2 customers · $6,000", StringComparison.Ordinal)
            < reply.IndexOf("price — 1 customer · $90,000", StringComparison.Ordinal), reply);
        Assert.Contains("No customers lost", await h.SayAsync("tom", "why lost 2026-01-01..2026-01-31"));
    }

    [Fact]
    public async Task ApiKey_CreateShowsKeyOnce_StoresOnlyHash_RevokeTurnsItOff()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        Assert.Contains("only the CCO", await h.SayAsync("maria", "apikey create hubspot"), StringComparison.OrdinalIgnoreCase);
        var reply = await h.SayAsync("ana", "apikey create hubspot");
        var key = reply.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(ApiKeySecrets.Prefix, StringComparison.Ordinal));
        await using (var db = h.Db())
        {
            var stored = await db.Set<ApiKey>().SingleAsync();
            Assert.True(ApiKeySecrets.TrySplit(key, out var lookup, out var secret));
            Assert.Equal(lookup, stored.LookupId);
            Assert.True(ApiKeySecrets.Matches(secret, stored.SecretHash));
            Assert.False(ApiKeySecrets.Matches(secret + "x", stored.SecretHash));
        }
        Assert.DoesNotContain(key, await h.SayAsync("ana", "apikey"));
        Assert.Contains("already a key called hubspot", await h.SayAsync("ana", "apikey create HubSpot"));
        Assert.Contains("Revoked API key hubspot", await h.SayAsync("ana", "apikey revoke hubspot"));
        await using var after = h.Db();
        Assert.NotNull((await after.Set<ApiKey>().SingleAsync()).RevokedAt);
    }

    [Fact]
    public async Task ApiKey_Create_KeyIsNeverStored_ARepeatSaysItWasShownOnce()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        var reply = await h.SayAsync("ana", "apikey create crm", deliveryId: "d-key");
        var key = reply.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(ApiKeySecrets.Prefix, StringComparison.Ordinal));

        var repeat = await h.SayAsync("ana", "apikey create crm", deliveryId: "d-key");

        Assert.DoesNotContain(key, repeat);
        Assert.Contains("shown once", repeat);
        Assert.Contains("`apikey revoke crm`, then `apikey create crm`", repeat);
        await using var db = h.Db();
        var stored = await db.ReceivedCommands.SingleAsync(r => r.DeliveryId == "d-key");
        Assert.DoesNotContain(ApiKeySecrets.Prefix, stored.ReplyJson);
        Assert.Contains("shown once", stored.ReplyJson);
    }
}
