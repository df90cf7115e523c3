using System.Globalization;
using System.Text;
using AccountabilityBot.Web.CustomerData;
using AccountabilityBot.Web.Hosting;

namespace AccountabilityBot.Web.Slack;

/// <summary>Slack's three HTTP endpoints, behind the signature filter. Bad payloads get 400, never a 500.</summary>
public static class SlackEndpoints
{
    public static RouteGroupBuilder MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/slack").AddEndpointFilter<SlackSignatureFilter>().WithTags("Slack");

        group.MapPost("/commands", async (HttpContext http, SlackInbound inbound) =>
        {
            if (!SlackBody.Of(http).IsUtf8Form()) return NotUtf8;
            var form = SlackBody.Of(http).Form();
            return Ack(await inbound.CommandAsync(SlashCommand.From(name => form.TryGetValue(name, out var v) ? v.ToString() : null)));
        });

        group.MapPost("/events", async (HttpContext http, SlackInbound inbound) =>
        {
            var body = SlackBody.Of(http);
            if (JsonInput.Problem(body.Bytes) is { } problem) return ApiProblems.BadRequest(problem);
            var raw = body.Text;
            if (SlackJson.Parse(raw) is not { } envelope) return ApiProblems.BadRequest("Expected a JSON event envelope.");
            var retry = int.TryParse(http.Request.Headers["X-Slack-Retry-Num"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            return Ack(await inbound.EventAsync(envelope, raw, retry));
        });

        group.MapPost("/interactions", async (HttpContext http, SlackInbound inbound) =>
        {
            if (!SlackBody.Of(http).IsUtf8Form()) return NotUtf8;
            var form = SlackBody.Of(http).Form();
            if (!form.TryGetValue("payload", out var payload)) return ApiProblems.BadRequest("Expected a form field 'payload' holding JSON.");
            if (JsonInput.Problem(Encoding.UTF8.GetBytes(payload.ToString())) is { } problem) return ApiProblems.BadRequest("The field 'payload': " + problem);
            if (SlackJson.Parse(payload.ToString()) is not { } json) return ApiProblems.BadRequest("Expected a form field 'payload' holding a JSON object.");
            return Ack(await inbound.InteractionAsync(json, http.RequestAborted));
        });
        return group;
    }

    static IResult NotUtf8 => ApiProblems.BadRequest("The form is not UTF-8 text once its %XX escapes are decoded.");

    static IResult Ack(SlackAck ack) => ack.Body is null ? Results.Ok() : Results.Content(ack.Body.ToJsonString(), "application/json; charset=utf-8");
}
