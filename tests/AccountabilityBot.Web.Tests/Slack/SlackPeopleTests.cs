using System.Text.Json.Nodes;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Web.Slack;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>Members' names, emails and zones from Slack: enrolled with them however commands arrive, repaired, kept current.</summary>
[Collection(ChatHostTests.Name)]
public sealed class SlackPeopleTests : IAsyncLifetime
{
    readonly SlackHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    Task<Member?> MemberAsync(string user) => host.App.WithDbAsync(db => db.Members.SingleOrDefaultAsync(m => m.PlatformUserId == user));

    int UserInfoCalls(string user) => host.Slack.Calls.Count(c => c.Method == "users.info" && (string?)c.Args["user"] == user);

    [Fact]
    public async Task FirstCommandsTogether_FromANewUser_OneLookupAndTheMemberHasZoneAndEmail()
    {
        host.Slack.Users["UNEW"] = ("Nia", "nia@acme.example", "Asia/Tokyo");
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Slack.BeforeUserInfo = async () =>
        {
            asked.TrySetResult();
            await answer.Task;
        };
        // A double submit and a Home-tab open, all before Slack has said who this is.
        var commands = new[] { host.CommandAsync("mine", user: "UNEW"), host.CommandAsync("mine", user: "UNEW"), host.CommandAsync("help", user: "UNEW") };
        var home = FakeSlack.Fixture("event_callback_app_home_opened_home_tab.json");
        home["event"]!["user"] = "UNEW";
        await host.EventAsync(home);
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(700); // the others arrive (and, before the fix, were stored) while users.info is still out
        answer.SetResult();
        await Task.WhenAll(commands);
        // Three commands, the Home tab's own, and the event as the inbox keeps it until it is finished.
        await Eventually.Async(async () => await host.App.WithDbAsync(db =>
            db.ReceivedCommands.CountAsync(r => r.UserId == "UNEW" && r.HandledAt != null)) == 5 ? "all five" : null, what: "all five handled");

        var nia = Assert.Single(await host.App.WithDbAsync(db => db.Members.Where(m => m.PlatformUserId == "UNEW").ToListAsync()));
        Assert.Equal(("Nia", "nia@acme.example", "Asia/Tokyo"), (nia.DisplayName, nia.Email, nia.TimeZone));
        Assert.Equal(1, UserInfoCalls("UNEW"));
    }

    [Fact]
    public async Task FirstCommandRefused_TheNextEnrolsTheMemberWithTheProfile()
    {
        await host.CommandAsync("help", user: "UCCO"); // the first speaker becomes the CCO
        host.Slack.Users["ULEE"] = ("Lee", "lee@acme.example", "Europe/Berlin");
        var refused = await host.CommandAsync("channel leadership", user: "ULEE");
        Assert.Contains("Only", refused.ToJsonString());
        Assert.Null(await MemberAsync("ULEE")); // rolled back with the refused command

        await host.CommandAsync("mine", user: "ULEE");
        var lee = await MemberAsync("ULEE");
        Assert.Equal(("Lee", "lee@acme.example", "Europe/Berlin"), (lee!.DisplayName, lee.Email, lee.TimeZone));
        Assert.Equal(1, UserInfoCalls("ULEE"));
    }

    [Fact]
    public async Task LookupFailed_TheMemberIsRepairedOnACommandAfterTheBackOff_NotOnEveryCommand()
    {
        await host.CommandAsync("mine", user: "UREP"); // users.info: user_not_found
        // Read whole (as the other tests here do): a tuple projected in SQL is a PostgreSQL record, which Npgsql does not read.
        var urep = await MemberAsync("UREP");
        Assert.Equal(("urep", null, null), (urep!.DisplayName, urep.Email, urep.TimeZone));
        host.Slack.Users["UREP"] = ("Rae", "rae@acme.example", "America/Denver");

        await host.CommandAsync("mine", user: "UREP");
        Assert.Equal(1, UserInfoCalls("UREP"));
        Assert.Null((await MemberAsync("UREP"))!.TimeZone);

        host.App.Clock.Advance(ProfileLookups<SlackUser>.RetryFailedAfter + TimeSpan.FromMinutes(1));
        await host.CommandAsync("mine", user: "UREP");
        var rae = await MemberAsync("UREP");
        Assert.Equal(("Rae", "rae@acme.example", "America/Denver"), (rae!.DisplayName, rae.Email, rae.TimeZone));
        Assert.Equal(2, UserInfoCalls("UREP"));

        await host.CommandAsync("mine", user: "UREP");
        Assert.Equal(2, UserInfoCalls("UREP"));
    }

    [Fact]
    public async Task UserChange_UpdatesAMembersZoneNameAndEmail_AndEnrolsNobody()
    {
        host.Slack.Users["UMO"] = ("Mo", "mo@acme.example", "Europe/London");
        await host.CommandAsync("mine", user: "UMO");
        Assert.Equal("Europe/London", (await MemberAsync("UMO"))!.TimeZone);

        await host.EventAsync(UserChange("EvUC1", "UOTHER", "Olu", "olu@acme.example", "Africa/Lagos"));
        await host.EventAsync(UserChange("EvUC2", "UMO", "Mo Reyes", "mo.reyes@acme.example", "America/Chicago"));
        var mo = await Eventually.Async(async () => await MemberAsync("UMO") is { TimeZone: "America/Chicago" } m ? m : null,
            TimeSpan.FromSeconds(15), "the zone from user_change");
        Assert.Equal(("Mo Reyes", "mo.reyes@acme.example"), (mo.DisplayName, mo.Email));
        await Task.Delay(600); // give the other event's job the chance to (wrongly) enrol someone
        Assert.Null(await MemberAsync("UOTHER"));
    }

    /// <summary>A user_change delivery: Slack's event carries the same user object users.info answers with.</summary>
    static JsonObject UserChange(string eventId, string user, string name, string email, string zone)
    {
        var profile = FakeSlack.Fixture("web_users_info_ok.json")["user"]!.AsObject();
        profile["id"] = user;
        profile["tz"] = zone;
        profile["profile"]!["display_name"] = name;
        profile["profile"]!["email"] = email;
        var envelope = FakeSlack.Fixture("event_callback_message_im.json");
        envelope["event"] = new JsonObject
        {
            ["type"] = "user_change", ["user"] = profile.DeepClone(), ["cache_ts"] = 1726133700, ["event_ts"] = "1726133700.000100",
        };
        envelope["event_id"] = eventId;
        return envelope;
    }
}
