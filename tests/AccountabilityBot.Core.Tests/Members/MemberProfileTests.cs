using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;

namespace AccountabilityBot.Core.Tests.Members;

public sealed class MemberProfileTests
{
    static Member Stored(string name = "Ana", string? email = "ana@acme.example", string? zone = "Europe/Paris") =>
        new() { PlatformUserId = "U1", DisplayName = name, Email = email, TimeZone = zone };

    [Fact]
    public void NotCurrent_FillsOnlyWhatIsMissing()
    {
        var member = Stored(name: "U1", email: null, zone: "Europe/Paris");
        Assert.True(new MemberProfile("Ana Lopez", "ana@acme.example", "Asia/Tokyo", Current: false).ApplyTo(member));
        Assert.Equal(("Ana Lopez", "ana@acme.example", "Europe/Paris"), (member.DisplayName, member.Email, member.TimeZone));
    }

    [Fact]
    public void NotCurrent_NeverUndoesANewerValue()
    {
        var member = Stored();
        var old = new MemberProfile("Ana L", "old@acme.example", "Asia/Tokyo", Current: false);
        Assert.False(old.WouldChange(member));
        Assert.False(old.ApplyTo(member));
        Assert.Equal(("Ana", "ana@acme.example", "Europe/Paris"), (member.DisplayName, member.Email, member.TimeZone));
    }

    [Fact]
    public void Current_ReplacesWhatDiffers()
    {
        var member = Stored();
        Assert.True(new MemberProfile("Ana Lopez", "ana.lopez@acme.example", "America/Chicago", Current: true).ApplyTo(member));
        Assert.Equal(("Ana Lopez", "ana.lopez@acme.example", "America/Chicago"), (member.DisplayName, member.Email, member.TimeZone));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("  ", "", "Not/AZone")]
    [InlineData("Ana", "ana@acme.example", "Europe/Paris")]
    public void Current_EmptyUnknownOrSame_ChangesNothing(string? name, string? email, string? zone)
    {
        var member = Stored();
        var profile = new MemberProfile(name, email, zone, Current: true);
        Assert.False(profile.WouldChange(member));
        Assert.False(profile.ApplyTo(member));
        Assert.Equal(("Ana", "ana@acme.example", "Europe/Paris"), (member.DisplayName, member.Email, member.TimeZone));
    }
}
