using System.Text;
using AccountabilityBot.Web.Slack;
using AccountabilityBot.Web.Tests.Support;

namespace AccountabilityBot.Web.Tests.Slack;

/// <summary>Slack's published verification example (docs.slack.dev, reproduced by three official SDK test suites).</summary>
public sealed class SlackSignatureTests
{
    const string Secret = "8f742231b10e8888abcd99yyyzzz85a5", Timestamp = "1531420618";
    const string Published = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1531420618);
    static readonly byte[] Body = Encoding.UTF8.GetBytes(FakeSlack.FixtureText("slash_command_signature_example.txt"));

    [Fact]
    public void Sign_PublishedExample_MatchesSlack() => Assert.Equal(Published, SlackSignature.Sign(Secret, Timestamp, Body));

    [Fact]
    public void IsValid_PublishedExample_Accepts() => Assert.True(SlackSignature.IsValid(Secret, Timestamp, Published, Body, At));

    [Fact]
    public void IsValid_JsonBodyVector_Accepts() =>
        Assert.True(SlackSignature.IsValid(Secret, Timestamp, "v0=f9bd80929259f3f6d5fe3a3186c453c89cd1ad4862815a15837584f31c993652",
            Encoding.UTF8.GetBytes(
                """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"""),
            At));

    [Fact]
    public void IsValid_TamperedBody_Rejects() =>
        Assert.False(SlackSignature.IsValid(Secret, Timestamp, Published, [.. Body, .. "------"u8.ToArray()], At));

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86400 * 365)]
    public void IsValid_OutsideFiveMinutes_Rejects(int offsetSeconds) =>
        Assert.False(SlackSignature.IsValid(Secret, Timestamp, Published, Body, At.AddSeconds(offsetSeconds)));

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void IsValid_AtTheWindowsEdge_Accepts(int offsetSeconds) =>
        Assert.True(SlackSignature.IsValid(Secret, Timestamp, Published, Body, At.AddSeconds(offsetSeconds)));

    [Theory]
    [InlineData(null, Published)]
    [InlineData("", Published)]
    [InlineData("15314206l8", Published)]
    [InlineData("-1531420618", Published)]
    [InlineData(Timestamp, null)]
    [InlineData(Timestamp, "")]
    [InlineData(Timestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData(Timestamp, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50")]
    [InlineData(Timestamp, "v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData(Timestamp, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void IsValid_MissingOrMalformedHeaders_Rejects(string? timestamp, string? signature) =>
        Assert.False(SlackSignature.IsValid(Secret, timestamp, signature, Body, At));

    [Fact]
    public void IsValid_EmptySecret_Rejects() => Assert.False(SlackSignature.IsValid("", Timestamp, Published, Body, At));

    [Fact]
    public void IsValid_UpperCaseHex_Accepts() => Assert.True(SlackSignature.IsValid(Secret, Timestamp, "v0=" + Published[3..].ToUpperInvariant(), Body, At));
}
