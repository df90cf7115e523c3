using System.Net;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>Teams members: one enrolment with the profile however activities arrive, and the name and zone kept current.</summary>
[Collection(ChatHostTests.Name)]
public sealed class TeamsPeopleTests : IAsyncLifetime
{
    readonly TeamsHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    Task<List<Member>> MembersAsync(string user) => host.App.WithDbAsync(db => db.Members.Where(m => m.PlatformUserId == user).ToListAsync());

    static JsonObject Message(string text, string user, string name, string? localTimezone = null, string? clientZone = null)
    {
        var a = TeamsHost.Message(text, userId: user, name: name, conversation: "a:chat-" + user);
        if (localTimezone is not null) a["localTimezone"] = localTimezone;
        if (clientZone is not null) a["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = clientZone });
        return a;
    }

    [Fact]
    public async Task LaterActivity_FromAnotherZoneAndName_UpdatesTheMember_AndOneWithoutAZoneKeepsIt()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Message("help", "29:sam", "Sam", localTimezone: "Europe/Paris"))).StatusCode);
        Assert.Equal(("Sam", "Europe/Paris"), (await MembersAsync("29:sam")) is [var first] ? (first.DisplayName, first.TimeZone) : default);

        await host.PostAsync(Message("mine", "29:sam", "Sam Lee", localTimezone: "Asia/Singapore"));
        Assert.Equal(("Sam Lee", "Asia/Singapore"), (await MembersAsync("29:sam")) is [var moved] ? (moved.DisplayName, moved.TimeZone) : default);

        // The clientInfo entity carries the zone too; an activity with neither leaves it as it is.
        await host.PostAsync(Message("mine", "29:sam", "Sam Lee", clientZone: "America/Los_Angeles"));
        await host.PostAsync(Message("mine", "29:sam", "Sam Lee"));
        Assert.Equal("America/Los_Angeles", Assert.Single(await MembersAsync("29:sam")).TimeZone);
    }

    [Fact]
    public async Task FirstActivitiesTogether_OneLookup_OneMemberWithZoneAndEmail()
    {
        host.Fake.BeforeMemberLookup = () => Task.Delay(TimeSpan.FromMilliseconds(500)); // a Connector slower than the second message
        var responses = await Task.WhenAll(
            host.PostAsync(Message("help", "29:pat", "Pat")), // a client that sent no zone
            host.PostAsync(Message("mine", "29:pat", "Pat", localTimezone: "America/Chicago")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var pat = Assert.Single(await MembersAsync("29:pat"));
        Assert.Equal(("Pat", "America/Chicago", "User.One@microsoft.com"), (pat.DisplayName, pat.TimeZone, pat.Email));
        Assert.Single(host.Fake.Calls, c => c.Method == "GET" && c.Path.EndsWith("/members/29:pat", StringComparison.Ordinal));
        Assert.Equal(2, await host.App.WithDbAsync(db => db.ReceivedCommands.CountAsync(r => r.UserId == "29:pat" && r.HandledAt != null)));
    }

    [Fact]
    public async Task IdsLongerThanTheirColumn_AreNotKept_NamesAreCut_AndTheCommandIsAnswered()
    {
        Task<Web.Teams.TeamsUser> KimAsync() => host.App.WithDbAsync(db => db.Set<Web.Teams.TeamsUser>().AsNoTracking().SingleAsync(u => u.UserId == "29:kim"));
        var name = new string('K', 300);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Message("help", "29:kim", name))).StatusCode);
        var before = await KimAsync();

        var oversized = Message("mine", "29:kim", name);
        oversized["from"]!["aadObjectId"] = new string('a', 65);
        oversized["conversation"]!["tenantId"] = new string('t', 65);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(oversized)).StatusCode);

        var after = await KimAsync();
        Assert.Equal(("aad-29:kim", before.TenantId), (after.AadObjectId, after.TenantId)); // the ones that fitted stay
        Assert.Equal(name[..256], after.Name);
        Assert.Equal(name[..200], Assert.Single(await MembersAsync("29:kim")).DisplayName);
        Assert.Equal(2, await host.App.WithDbAsync(db => db.ReceivedCommands.CountAsync(r => r.UserId == "29:kim" && r.HandledAt != null)));
    }
}
