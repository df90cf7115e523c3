using System.Text.Json;
using System.Text.Json.Nodes;
using AccountabilityBot.Web.Teams;

namespace AccountabilityBot.Web.Tests.Teams;

public sealed class TeamsInboundTests
{
    static Activity Parse(JsonObject json) => json.Deserialize<Activity>(Activity.Json)!;

    [Fact]
    public void ChannelFixture_BotMentionStripped() =>
        Assert.Equal("reply to thread", TeamsInbound.CommandText(Parse(TeamsHost.Activity("message_channel_mention_thread_reply.json"))));

    [Fact]
    public void GroupChatFixture_BotMentionStripped_TrailingNewlineTrimmed() =>
        Assert.Equal("test", TeamsInbound.CommandText(Parse(TeamsHost.Activity("message_group_chat_mention_sdk_test.json"))));

    [Fact]
    public void PersonalFixture_TextUnchanged() =>
        Assert.Equal("Hello Teams TestBot.Sending bold-italic rich text", TeamsInbound.CommandText(Parse(TeamsHost.Activity("message_personal_docs.json"))));

    [Fact]
    public void OtherMentions_BecomeIdReferences_NamesCannotBreakOut()
    {
        var a = TeamsHost.Activity("message_group_chat_mention_sdk_test.json");
        a["text"] = "<at>Teams Bot</at> commit Call back owner:<at>Tom &lt;T&gt; O'Neil</at> due:friday &amp; more";
        a["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>Tom &lt;T&gt; O'Neil</at>",
            ["mentioned"] = new JsonObject { ["id"] = "29:tom", ["name"] = "Tom <T> O'Neil" },
        });
        Assert.Equal("commit Call back owner:<@29:tom|Tom T O'Neil> due:friday & more", TeamsInbound.CommandText(Parse(a)));
    }

    [Fact]
    public void MentionWithoutEntity_IsReadAsAName()
    {
        var a = TeamsHost.Message("<at>Teams Bot</at> help");
        Assert.Equal("@Teams Bot help", TeamsInbound.CommandText(Parse(a)));
    }

    [Theory]
    [InlineData("""{"command":"done C-7"}""", "done C-7")]
    [InlineData("""{"command":"decide {answer}","answerInput":"a1","a1":"  "}""", null)]
    [InlineData("""{"command":"decide {answer}"}""", null)]
    [InlineData("""{"command":7}""", null)]
    [InlineData("""["done C-7"]""", null)]
    public void CardCommand_ReadsOnlyWellFormedValues(string value, string? expected) =>
        Assert.Equal(expected, TeamsInbound.CardCommand(JsonDocument.Parse(value).RootElement));

    [Fact]
    public void CardDeliveryId_SameCardPersonAndCommand_Same_OtherwiseDifferent()
    {
        var a = Parse(TeamsHost.Activity("invoke_adaptive_card_action_execute_personal.json"));
        var again = a with { Id = "f:another-attempt" };
        var other = a with { From = new ChannelAccount("29:someone-else") };
        Assert.Equal(TeamsInbound.CardDeliveryId(a, "done C-7"), TeamsInbound.CardDeliveryId(again, "done C-7"));
        Assert.NotEqual(TeamsInbound.CardDeliveryId(a, "done C-7"), TeamsInbound.CardDeliveryId(other, "done C-7"));
        Assert.NotEqual(TeamsInbound.CardDeliveryId(a, "done C-7"), TeamsInbound.CardDeliveryId(a, "done C-8"));
    }

    [Theory]
    [InlineData(403, """{"error":{"code":"BotNotInConversationRoster"}}""", "BotNotInConversationRoster", true)]
    [InlineData(429, """{"error":{"code":"TooManyRequests"}}""", "TooManyRequests", false)]
    [InlineData(403,
        """{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",\"details\":\"Thread is blocked from message writes.\"}"}""",
        "MessageWritesBlocked", true)]
    [InlineData(502, "<html>Bad gateway</html>", "http_502", false)]
    [InlineData(500, """{"error":{"code":"ServiceError","message":"oops"}}""", "ServiceError", true)]
    public void ConnectorErrors_MapToPermanentOrRetryable(int status, string body, string code, bool permanent)
    {
        var e = ConnectorError.Parse(status, body, null).ToDeliveryException();
        Assert.Equal((code, permanent), (e.PlatformError, e.Permanent));
        Assert.False(string.IsNullOrWhiteSpace(e.Advice));
    }
}
