using System.Text.RegularExpressions;
using AccountabilityBot.Web.Dashboard;
using AccountabilityBot.Web.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AccountabilityBot.Web.Tests.Dashboard;

/// <summary>
/// The Hangfire dashboard at /hangfire in chromium, under the dashboard's security headers: whole and styled for the
/// signed-in CCO, its buttons posting with antiforgery; the refusal page for an executive; sign-in for nobody.
/// </summary>
[Collection(WebTests.Name)]
public sealed partial class JobsDashboardBrowserTests(ServedDemo demo, SharedBrowser browser, ITestOutputHelper output) : IClassFixture<ServedDemo>
{
    [BrowserFact]
    public async Task ForTheCco_ItLoadsStyled_WithoutAnyError_AndTriggerNowRunsARecurringJob()
    {
        await using var page = await BrowserSignIn.SignedInAsync(demo, browser, output, "ana");
        var response = await page.GoToAsync("/hangfire");
        Assert.Equal(200, response!.Status);
        var csp = await response.HeaderValueAsync("content-security-policy") ?? "";
        Assert.Equal(SecurityHeaders.JobsContentSecurityPolicy, csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        await Expect(page.Page).ToHaveTitleAsync(new Regex("AccountabilityBot jobs"));
        // Hangfire's own stylesheet applied: its navigation bar is fixed at the top (unstyled, it would scroll away).
        Assert.Equal("fixed", await page.Page.Locator(".navbar").First.EvaluateAsync<string>("e => getComputedStyle(e).position"));
        await page.ScreenshotAsync("hangfire-overview");

        await page.GoToAsync("/hangfire/recurring");
        var row = page.Page.Locator("tr.js-jobs-list-row").First;
        var id = await row.Locator("input.js-jobs-list-checkbox").GetAttributeAsync("value");
        Assert.False(string.IsNullOrEmpty(id));
        var before = LastJobId(id!);
        await row.Locator("input.js-jobs-list-checkbox").CheckAsync();
        var trigger = page.Page.GetByRole(AriaRole.Button, new() { Name = "Trigger now" });
        await Expect(trigger).ToBeEnabledAsync();
        var posted = await page.Page.RunAndWaitForResponseAsync(() => trigger.ClickAsync(),
            r => r.Url.EndsWith("/hangfire/recurring/trigger", StringComparison.Ordinal));
        Assert.InRange(posted.Status, 200, 299);
        // Triggering creates the job within the request: it is the recurring job's last one once the answer is back.
        Assert.NotEqual(before, Assert.IsType<string>(LastJobId(id!)));
        await page.Page.WaitForLoadStateAsync(LoadState.Load);
        await page.ScreenshotAsync("hangfire-recurring");

        // The other pages Hangfire draws, the triggered job's own included, under the same policy.
        foreach (var path in new[] { "/hangfire/jobs/enqueued", "/hangfire/jobs/succeeded", "/hangfire/retries", "/hangfire/servers",
            "/hangfire/jobs/details/" + LastJobId(id!) })
        {
            Assert.Equal(200, (await page.GoToAsync(path))!.Status);
            await Expect(page.Page.Locator("#wrap")).ToBeVisibleAsync();
        }
        // The job page writes an empty style attribute on each state of the job's history: allowed, so no error below.
        var styles = await page.Page.Locator("[style]").EvaluateAllAsync<string[]>("all => all.map(e => e.getAttribute('style'))");
        Assert.NotEmpty(styles);
        Assert.All(styles, style => Assert.Equal("", style.Trim()));
        await page.ScreenshotAsync("hangfire-job");

        foreach (var error in page.Errors) output.WriteLine(error);
        Assert.Empty(page.ForeignRequests);
        Assert.Empty(page.Errors);
    }

    [BrowserFact]
    public async Task ForAnExecutive_ItIsTheRefusalPage()
    {
        await using var page = await BrowserSignIn.SignedInAsync(demo, browser, output, "maria");
        var response = await page.GoToAsync("/hangfire");
        Assert.Equal(403, response!.Status);
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not for your role");
        await Expect(page.Page.GetByText("This page is for the CCO.")).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "Jobs" })).ToHaveCountAsync(0);
        await Expect(page.Page.GetByText("AccountabilityBot jobs")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("hangfire-refused");
        Assert.Empty(page.ErrorsBesidesStatus(403));
        await page.AssertAccessibleAsync();
    }

    [BrowserFact]
    public async Task SignedOut_ItIsTheSignInPage()
    {
        await using var page = await browser.OpenAsync(demo.Address, output);
        await page.GoToAsync("/hangfire/recurring");
        await Expect(page.Page).ToHaveURLAsync(new Regex("/dashboard/sign-in$"));
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in through chat");
        Assert.Empty(page.Errors);
    }

    string? LastJobId(string id)
    {
        using var connection = demo.App.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetAllEntriesFromHash("recurring-job:" + id)?.GetValueOrDefault("LastJobId");
    }
}
