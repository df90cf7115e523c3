using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccountabilityBot.Core.ApiKeys;
using AccountabilityBot.Web.Dashboard;
using AccountabilityBot.Web.Jobs;
using AccountabilityBot.Web.Tests.CustomerData;
using AccountabilityBot.Web.Tests.Support;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountabilityBot.Web.Tests.Dashboard;

/// <summary>The CCO's settings pages: every change a chat command through the engine, shown after a redirect.</summary>
[Collection(WebTests.Name)]
public sealed partial class DashboardSettingsTests
{
    static BotApplication NewApp() => new(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday));

    [Fact]
    public async Task Cco_ChangesTheCadence_StoredScheduledAuditedAsWeb_AndShownWithItsNextRun()
    {
        await using var app = NewApp();
        using var browser = await DashboardBrowser.SignedInAsync(app, "ana");
        Assert.Equal(HttpStatusCode.OK, (await browser.OpenAsync("http://localhost/dashboard/settings")).StatusCode);

        var saved = await browser.PostAsync("/dashboard/settings?handler=Set",
            new() { ["kind"] = "review", ["days"] = "tue", ["time"] = "09:30", ["zone"] = "Europe/Paris" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/dashboard/settings", saved.Headers.Location?.OriginalString);
        await browser.OpenAsync("http://localhost/dashboard/settings");
        Assert.Contains("role=\"status\"", browser.Html);
        Assert.Contains("cadence review tue 09:30 Europe/Paris", browser.Html);
        // Thursday 26 Nov 2026, 15:00 UTC: the next Tuesday 09:30 in Paris, shown in ana's zone (the team's, Paris now).
        Assert.Contains("Tue 1 Dec 09:30", browser.Html);

        var review = await app.WithDbAsync(db => db.CadenceSettings.SingleAsync(c => c.Kind == "review"));
        Assert.Equal(("tue", new TimeOnly(9, 30), "Europe/Paris", false), (review.Days, review.LocalTime, review.TimeZone, review.IsPaused));
        var audit = await app.WithDbAsync(db => db.AuditTrail.SingleAsync(a => a.Action == "cadence.set"));
        Assert.Equal(DashboardCommands.Via, audit.Via);
        using (var jobs = app.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var job = Assert.Single(jobs.GetRecurringJobs(), j => j.Id == HangfireCadenceScheduler.JobId("review"));
            Assert.Equal(("30 9 * * 2", "Europe/Paris"), (job.Cron, job.TimeZoneId));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/dashboard/settings?handler=Pause", new() { ["kind"] = "review" })).StatusCode);
        await browser.OpenAsync("http://localhost/dashboard/settings");
        Assert.Contains("Paused", browser.Html);
        Assert.True(await app.WithDbAsync(db => db.CadenceSettings.Where(c => c.Kind == "review").Select(c => c.IsPaused).SingleAsync()));
        using (var jobs = app.Services.GetRequiredService<JobStorage>().GetConnection())
            Assert.DoesNotContain(jobs.GetRecurringJobs(), j => j.Id == HangfireCadenceScheduler.JobId("review"));
    }

    [Fact]
    public async Task Cco_GetsTheEnginesRefusal_OnThePage_AndNothingChanges()
    {
        await using var app = NewApp();
        using var browser = await DashboardBrowser.SignedInAsync(app, "ana");
        await browser.OpenAsync("http://localhost/dashboard/settings");

        await browser.PostAsync("/dashboard/settings?handler=Set", new() { ["kind"] = "review", ["days"] = "tue", ["time"] = "09:30", ["zone"] = "Mars/Base" });
        await browser.OpenAsync("http://localhost/dashboard/settings");

        Assert.Contains("role=\"alert\"", browser.Html);
        Assert.Contains("I don&#x27;t know the time zone", browser.Html);
        Assert.False(await app.WithDbAsync(db => db.CadenceSettings.AnyAsync(c => c.Kind == "review" && c.TimeZone == "Mars/Base")));
        await browser.OpenAsync("http://localhost/dashboard/settings");
        Assert.DoesNotContain("role=\"alert\"", browser.Html); // the answer is shown once
    }

    [Fact]
    public async Task Executive_GetsA403Page_EverywhereInSettings_AndCannotPostAChange()
    {
        await using var app = NewApp();
        await app.SayAsync("ana", "help"); // the first member is the CCO
        await app.SayAsync("eve", "help");
        await app.SayAsync("ana", "role @eve executive");
        using var browser = await DashboardBrowser.SignedInAsync(app, "eve");
        Assert.DoesNotContain("/dashboard/settings", browser.Html);

        foreach (var path in new[] { "/dashboard/settings", "/dashboard/settings/members", "/dashboard/settings/api-keys", "/dashboard/settings/data" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.OpenAsync("http://localhost" + path)).StatusCode);
            Assert.Contains("This page is for the CCO", browser.Html);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.OpenAsync("http://localhost/dashboard/settings/exports/decisions.csv")).StatusCode);
        var posted = await browser.PostAsync("/dashboard/settings?handler=Set",
            new() { ["kind"] = "review", ["days"] = "tue", ["time"] = "09:30", ["zone"] = "Europe/Paris" });
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.CadenceSettings.AnyAsync(c => c.Kind == "review" && c.TimeZone == "Europe/Paris")));
        var roles = await browser.PostAsync("/dashboard/settings/members?handler=Role", new() { ["member"] = "1", ["role"] = "frontline" });
        Assert.Equal(HttpStatusCode.Forbidden, roles.StatusCode);
        Assert.Equal(Core.Domain.Role.Cco, await app.WithDbAsync(db => db.Members.Where(m => m.PlatformUserId == "ana").Select(m => m.Role).SingleAsync()));
    }

    [Fact]
    public async Task Post_WithoutTheAntiforgeryToken_IsRefused_AndChangesNothing()
    {
        await using var app = NewApp();
        using var browser = await DashboardBrowser.SignedInAsync(app, "ana");
        await browser.OpenAsync("http://localhost/dashboard/settings");

        var set = await browser.PostAsync("/dashboard/settings?handler=Set",
            new() { ["kind"] = "review", ["days"] = "tue", ["time"] = "09:30", ["zone"] = "Europe/Paris" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, set.StatusCode);
        var key = await browser.PostAsync("/dashboard/settings/api-keys?handler=Create", new() { ["name"] = "crm" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, key.StatusCode);
        using var upload = Upload(null, ApiClient.Header + "\n2026-11-02,won,C-1,ACME Dental,Clinics,36000,USD,,,,E-1\n");
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.PostAsync("/dashboard/settings/data", upload)).StatusCode);

        Assert.False(await app.WithDbAsync(db => db.CadenceSettings.AnyAsync(c => c.TimeZone == "Europe/Paris")));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ApiKey>().CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.CustomerEvents.CountAsync()));
    }

    [Fact]
    public async Task ApiKey_IsShownOnceOnCreate_WorksUntilRevoked_AndIsKeptNowhere()
    {
        await using var app = NewApp();
        using var browser = await DashboardBrowser.SignedInAsync(app, "ana");
        await browser.OpenAsync("http://localhost/dashboard/settings/api-keys");

        var created = await browser.PostAsync("/dashboard/settings/api-keys?handler=Create", new() { ["name"] = "crm" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString());
        var key = ApiKeyIn().Match(browser.Html).Value;
        Assert.StartsWith(ApiKeySecrets.Prefix, key);
        using (var api = app.WithKey(key))
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/exports/decisions.csv")).StatusCode);

        await browser.OpenAsync("http://localhost/dashboard/settings/api-keys");
        Assert.DoesNotContain(key, browser.Html);
        Assert.Contains("crm", browser.Html);
        var stored = JsonSerializer.Serialize(await app.WithDbAsync(async db => new
        {
            Inbox = await db.ReceivedCommands.ToListAsync(), Audit = await db.AuditTrail.ToListAsync(), Outbox = await db.OutboundMessages.ToListAsync(),
        }));
        Assert.DoesNotContain(key[ApiKeySecrets.Prefix.Length..], stored);

        var revoked = await browser.PostAsync("/dashboard/settings/api-keys?handler=Revoke", new() { ["name"] = "crm" });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        await browser.OpenAsync("http://localhost/dashboard/settings/api-keys");
        Assert.Contains("Revoked API key crm", browser.Html);
        using (var api = app.WithKey(key))
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/exports/decisions.csv")).StatusCode);
    }

    [Fact]
    public async Task Import_WithABadRow_ShowsTheValidationReport_AndImportsNothing_ThenAGoodFileImports()
    {
        await using var app = NewApp();
        using var browser = await DashboardBrowser.SignedInAsync(app, "ana");
        await browser.OpenAsync("http://localhost/dashboard/settings/data");

        const string Bad = ApiClient.Header + "\n2026-11-02,won,C-1,ACME Dental,Clinics,36000,USD,,,,E-1\n2026-11-03,won,C-2,Bright,,lots,USD,,,,E-2\n";
        var refused = await browser.Client.PostAsync("/dashboard/settings/data", Upload(browser.FormToken, Bad));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Nothing was imported", html);
        Assert.Matches(@"<td>3</td><td>annual_value</td>", html);
        Assert.Contains("role=\"alert\"", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.CustomerEvents.CountAsync()));

        const string Good = ApiClient.Header + "\n2026-11-02,won,C-1,ACME Dental,Clinics,36000,USD,,,,E-1\n";
        var token = TokenIn().Match(html).Groups[1].Value;
        var imported = await browser.Client.PostAsync("/dashboard/settings/data", Upload(WebUtility.HtmlDecode(token), Good));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("1 new and 0 updated", await imported.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.CustomerEvents.CountAsync()));

        var export = await browser.Client.GetAsync("/dashboard/settings/exports/decisions.csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Import_OverTheApisBodyLimit_IsRefusedWithAPage()
    {
        await using var app = new BotApplication(BotApplication.NewDataDirectory(), new FakeTimeProvider(BotApplication.Thursday),
            new Dictionary<string, string?> { ["Api:MaxImportBytes"] = "2048" });
        using var browser = await DashboardBrowser.SignedInAsync(app, "ana");
        await browser.OpenAsync("http://localhost/dashboard/settings/data");
        var rows = string.Concat(Enumerable.Range(1, 100).Select(i => $"\n2026-11-02,won,C-{i},Clinic {i},,1000,USD,,,,E-{i}"));

        var response = await browser.Client.PostAsync("/dashboard/settings/data", Upload(browser.FormToken, ApiClient.Header + rows));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("2,048 bytes", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.CustomerEvents.CountAsync()));
    }

    [Fact]
    public async Task Stages_AddedAndRenamedFromThePage_WithNamesQuoted()
    {
        await using var app = NewApp();
        using var browser = await DashboardBrowser.SignedInAsync(app, "ana");
        await browser.OpenAsync("http://localhost/dashboard/settings/stages");

        await browser.PostAsync("/dashboard/settings/stages?handler=Add", new() { ["name"] = "Say \"thanks\" after:Buy", ["after"] = "Get help" });
        await browser.OpenAsync("http://localhost/dashboard/settings/stages");

        Assert.Contains("role=\"status\"", browser.Html);
        var stages = await app.WithDbAsync(db => db.JourneyStages.Where(s => !s.IsRetired).OrderBy(s => s.Position).Select(s => s.Name).ToListAsync());
        Assert.Equal("Say 'thanks' after:Buy", stages[stages.IndexOf("Get help") + 1]);
    }

    [Fact]
    public async Task Channel_UnboundFromThePage_StopsItsPosts_AuditedAsWeb_OtherBindingsKept()
    {
        await using var app = NewApp();
        await app.SayAsync("ana", "channel leadership", channel: "exec");
        await app.SayAsync("ana", "channel frontline", channel: "floor");
        using var browser = await DashboardBrowser.SignedInAsync(app, "ana");
        await browser.OpenAsync("http://localhost/dashboard/settings/channels");
        Assert.Contains("Unbind floor", browser.Html);

        Assert.Equal(HttpStatusCode.Redirect,
            (await browser.PostAsync("/dashboard/settings/channels?handler=Remove", new() { ["conversation"] = "floor" })).StatusCode);
        await browser.OpenAsync("http://localhost/dashboard/settings/channels");
        Assert.Contains("no longer post scheduled messages to floor (frontline)", browser.Html);
        Assert.DoesNotContain("Unbind floor", browser.Html);
        Assert.Equal(["exec"], await app.WithDbAsync(db => db.ChannelBindings.Select(b => b.ConversationId).ToListAsync()));
        Assert.Equal(DashboardCommands.Via, (await app.WithDbAsync(db => db.AuditTrail.SingleAsync(a => a.Action == "channel.unbound"))).Via);
    }

    static MultipartFormDataContent Upload(string? token, string csv)
    {
        var form = new MultipartFormDataContent();
        if (token is not null) form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent("canonical"), "mapping");
        var file = new StringContent(csv, Encoding.UTF8);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "events.csv");
        return form;
    }

    [GeneratedRegex(@"abk_[A-Za-z0-9_-]+")]
    private static partial Regex ApiKeyIn();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenIn();
}
