using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Tests.Members;

public sealed class MemberUseCaseTests
{
    [Fact]
    public async Task Role_ByCco_EnrolsAndSetsRole_ByOthersRefused()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        Assert.Contains("is now an executive", await h.SayAsync("ana", "role @li executive"));
        Assert.Contains("Only the CCO", await h.SayAsync("maria", "role @jo executive"));
        await using var db = h.Db();
        Assert.Equal(Role.Executive, (await db.Members.SingleAsync(m => m.PlatformUserId == "li")).Role);
        Assert.Equal(Role.Frontline, (await db.Members.SingleAsync(m => m.PlatformUserId == "jo")).Role);
    }

    [Fact]
    public async Task LastCco_CannotBeDemoted_UntilAnotherCcoExists()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        Assert.Contains("must always be a CCO", await h.SayAsync("ana", "role @ana executive"));
        await h.SayAsync("ana", "role @maria cco");
        Assert.Contains("is now an executive", await h.SayAsync("ana", "role @ana executive"));
    }

    [Fact]
    public async Task Me_SetsOwnTimeZone_WhichMovesTheirToday()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        // 15:00 UTC Thursday is already Friday 02:00 in Auckland, so "today" there is Friday.
        await h.SayAsync("maria", "me tz:Pacific/Auckland");
        await h.SayAsync("maria", "commit Call ACME due:today");
        await using var db = h.Db();
        Assert.Equal(new DateOnly(2026, 11, 27), (await db.Commitments.SingleAsync()).DueOn);
    }

    [Fact]
    public async Task Stage_AddAfterRenameRemove_KeepsOrder()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("ana", "stage add Install after:Buy");
        await h.SayAsync("ana", "stage rename Install Setup");
        var reply = await h.SayAsync("ana", "stage remove Delivery");
        Assert.Contains("Discover → Buy → Setup → Onboard → Use → Get help → Renew", reply);
        Assert.Contains("already a stage", await h.SayAsync("ana", "stage add buy"));
    }

    [Fact]
    public async Task Channel_BindsThisConversation_Once()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("ana", "channel leadership", channel: "exec-room");
        Assert.Contains("already", await h.SayAsync("ana", "channel leadership", channel: "exec-room"));
        await using var db = h.Db();
        var binding = await db.ChannelBindings.SingleAsync();
        Assert.Equal(("exec-room", ChannelPurpose.Leadership), (binding.ConversationId, binding.Purpose));
    }

    [Fact]
    public async Task ChannelRemove_HereOrNamedFromElsewhere_UnbindsOnlyThatOne_AndSaysWhenNothingIsBound()
    {
        using var h = await new CoreHarness().WithTeamAsync();
        await h.SayAsync("ana", "channel leadership", channel: "exec-room");
        await h.SayAsync("ana", "channel frontline", channel: "floor");
        await h.SayAsync("ana", "channel frontline", channel: "floor-2");

        Assert.Contains("No bound channel is lobby; nothing changed", await h.SayAsync("ana", "channel remove lobby", channel: "dm-ana"));
        Assert.Contains("Only the CCO can do that", await h.SayAsync("maria", "channel remove floor", channel: "dm-maria"));
        Assert.Contains("no longer post scheduled messages to floor (frontline)", await h.SayAsync("ana", "channel remove floor", channel: "dm-ana"));
        Assert.Contains("no longer post scheduled messages here (floor-2)", await h.SayAsync("ana", "channel remove", channel: "floor-2"));
        Assert.Contains("isn't bound to anything", await h.SayAsync("ana", "channel remove", channel: "floor-2"));

        await using var db = h.Db();
        Assert.Equal(["exec-room"], await db.ChannelBindings.Select(b => b.ConversationId).ToListAsync());
        Assert.Equal(["floor,Frontline", "floor-2,Frontline"],
            await db.AuditTrail.Where(a => a.Action == "channel.unbound").OrderBy(a => a.Id).Select(a => a.Subject + "," + a.Summary).ToListAsync());
    }
}
