using System.Text.RegularExpressions;
using AccountabilityBot.Web.Tests.Support;

namespace AccountabilityBot.Web.Tests.CustomerData;

/// <summary>Has the CCO create an API key in chat, and makes clients that send it.</summary>
static partial class ApiClient
{
    public static async Task<string> CreateKeyAsync(BotApplication app, string name = "crm")
    {
        var reply = await app.SayAsync("ana", $"apikey create {name}");
        return KeyPattern().Match(reply.Text).Value;
    }

    public static HttpClient WithKey(this BotApplication app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public const string Header = "date,type,customer_id,customer_name,customer_group,annual_value,currency,reason,story,referred_by,external_id";

    [GeneratedRegex(@"abk_[0-9a-f]+_[A-Za-z0-9_\-]+")]
    private static partial Regex KeyPattern();
}
