using System.Net;
using System.Text.Json.Nodes;
using AccountabilityBot.Core.Cadence.Posts;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Web.Teams;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountabilityBot.Web.Tests.Teams;

/// <summary>A frontline pattern through Teams activities: the post as an Adaptive Card, then dismissed from its card with a reason.</summary>
[Collection(ChatHostTests.Name)]
public sealed class TeamsPatternTests : IAsyncLifetime
{
    const string Channel = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2";
    const string Ana = "29:ana", Tom = "29:tom";
    readonly TeamsHost host = new();
    int messageIds = 7000;

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await host.DisposeAsync();

    JsonObject InChannel(string from, string name, string text, params (string Id, string Name)[] mentions) =>
        TeamsHost.InChannel(Channel, (++messageIds).ToString(System.Globalization.CultureInfo.InvariantCulture), from, name, text, mentions);

    async Task SendAsync(JsonObject activity) => Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(activity)).StatusCode);

    [Fact]
    public async Task Pattern_PostedAsACard_DismissedFromIt_StaysQuiet()
    {
        await SendAsync(TeamsHost.Activity("installation_update_add_team.json"));
        await SendAsync(InChannel(Ana, "Ana", "channel leadership"));
        await SendAsync(InChannel(Ana, "Ana", "role <at>Tom Reed</at> executive", (Tom, "Tom Reed")));
        foreach (var what in new[] { "Wrong size gloves shipped, swapped them", "Swapped the wrong size gloves for the clinic",
                     "Gloves in the wrong size again; couriered the right ones", "Wrong glove size on the order, replaced", "Replaced wrong size gloves" })
            await SendAsync(TeamsHost.Message($"resolved \"{what}\" stage:Delivery", "29:jo", "Jo", id: $"jo-{++messageIds}", conversation: "a:chat-jo"));
        await Eventually.Async(() => host.App.WithDbAsync(async db => await db.Resolutions.CountAsync() == 5 ? "all" : null), what: "five fixes");

        Assert.Equal(1, await host.InScopeAsync(sp => sp.GetRequiredService<CadenceRunner>().RunAsync(CadenceKinds.Patterns, CancellationToken.None)));
        var post = Assert.Single(host.Fake.Posts, p => p.Path == $"/amer/v3/conversations/{Channel}/activities"
            && p.Body!.ToJsonString().Contains("Frontline pattern"));
        var card = post.Body!["attachments"]![0]!["content"]!.AsObject();
        CardSchema.AssertValid(card);
        var dismiss = Descendants(card).Single(o => o["data"]?[AdaptiveCardRenderer.CommandKey]?.GetValue<string>().StartsWith("pattern dismiss") == true);
        var data = dismiss["data"]!.AsObject();
        var input = data[AdaptiveCardRenderer.AnswerInputKey]!.GetValue<string>();

        var submit = InChannel(Tom, "Tom Reed", "");
        submit.Remove("text");
        submit["replyToId"] = post.ResponseId;
        var value = data.DeepClone().AsObject();
        value[input] = "Supplier mix-up, already fixed";
        submit["value"] = value;
        await SendAsync(submit);

        var pattern = await Eventually.Async(() => host.App.WithDbAsync(db =>
            db.FrontlinePatterns.FirstOrDefaultAsync(p => p.Status == PatternStatus.Dismissed)), what: "the dismissed pattern");
        Assert.Equal("Supplier mix-up, already fixed", pattern.DismissedReason);
        Assert.Equal(0, await host.InScopeAsync(sp => sp.GetRequiredService<CadenceRunner>().RunAsync(CadenceKinds.Patterns, CancellationToken.None)));
    }

    static IEnumerable<JsonObject> Descendants(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).Where(v => v is not null).SelectMany(v => Descendants(v!)).Prepend(o),
        JsonArray a => a.Where(v => v is not null).SelectMany(v => Descendants(v!)),
        _ => [],
    };
}
