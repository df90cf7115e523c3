using AccountabilityBot.Web.Tests.CustomerData;
using AccountabilityBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AccountabilityBot.Web.Tests.Dashboard;

/// <summary>The CCO's settings in a real browser (chromium) on the demo host: the cadence changed by keyboard and click, a CSV import.</summary>
[Collection(WebTests.Name)]
public sealed class SettingsPageBrowserTests(ServedDemo demo, SharedBrowser browser, ITestOutputHelper output) : IClassFixture<ServedDemo>
{
    async Task<BrowserPage> SignedInAsync(string member)
    {
        var page = await BrowserSignIn.SignedInAsync(demo, browser, output, member);
        await page.GoToAsync("/dashboard");
        return page;
    }

    [BrowserFact]
    public async Task Cco_ChangesTheCadence_ByKeyboard_AndSeesTheEnginesAnswer_WithNoSeriousAxeViolation()
    {
        await using var page = await SignedInAsync("ana");
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).First.ClickAsync();
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "The cadence" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("dashboard-settings-cadence");

        var form = page.Page.GetByRole(AriaRole.Form, new() { Name = "stories" });
        await form.GetByLabel("Days", new() { Exact = true }).FocusAsync();
        await page.Page.Keyboard.TypeAsync("fri"); // a select takes the typed option
        await form.GetByLabel("Time", new() { Exact = true }).FillAsync("10:15");
        await form.GetByLabel("Time zone").FillAsync("Europe/London");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save stories" }).FocusAsync();
        await page.Page.Keyboard.PressAsync("Enter");

        var answer = page.Page.GetByRole(AriaRole.Status);
        await Expect(answer).ToContainTextAsync("Scheduled");
        await Expect(answer).ToContainTextAsync("cadence stories fri 10:15 Europe/London");
        await Expect(page.Page.GetByRole(AriaRole.Row, new() { NameRegex = new("^stories") })).ToContainTextAsync("fri at 10:15 Europe/London");
        var stored = await demo.App.WithDbAsync(db => db.CadenceSettings.SingleAsync(c => c.Kind == "stories"));
        Assert.Equal(("fri", new TimeOnly(10, 15), "Europe/London"), (stored.Days, stored.LocalTime, stored.TimeZone));

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Pause stories" }).ClickAsync();
        await Expect(page.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Paused");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("dashboard-settings-cadence-paused");
        Assert.Empty(page.ForeignRequests);
        Assert.Empty(page.Errors);
    }

    [BrowserFact]
    public async Task Executive_IsToldTheSettingsAreForTheCco()
    {
        await using var page = await SignedInAsync("maria");
        await Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true })).ToHaveCountAsync(0);

        var response = await page.GoToAsync("/dashboard/settings");

        Assert.Equal(403, response!.Status);
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not for your role");
        await Expect(page.Page.GetByText("This page is for the CCO.")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("dashboard-settings-executive");
    }
    [BrowserFact]
    public async Task Cco_ImportsAFileWithABadRow_SeesTheReport_AndNothingIsImported_ThenTheFixedFileIs()
    {
        await using var page = await SignedInAsync("ana");
        await page.GoToAsync("/dashboard/settings/data");
        var events = await demo.App.WithDbAsync(db => db.CustomerEvents.CountAsync());
        const string Good = "2026-11-02,won,BRW-1,Browser Dental,Clinics,36000,USD,,,,BRW-E-1\n";
        const string Bad = "2026-11-03,won,BRW-2,Browser Optics,,lots,USD,,,,BRW-E-2\n";

        await ImportAsync(page, ApiClient.Header + "\n" + Good + Bad);

        var report = page.Page.GetByRole(AriaRole.Alert);
        await Expect(report.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Nothing was imported");
        await Expect(report.GetByRole(AriaRole.Row, new() { NameRegex = new("^3 annual_value") })).ToBeVisibleAsync();
        Assert.Equal(events, await demo.App.WithDbAsync(db => db.CustomerEvents.CountAsync()));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("dashboard-settings-import-refused");

        await ImportAsync(page, ApiClient.Header + "\n" + Good);

        await Expect(page.Page.GetByRole(AriaRole.Status).GetByRole(AriaRole.Heading)).ToHaveTextAsync("Imported");
        Assert.Equal(events + 1, await demo.App.WithDbAsync(db => db.CustomerEvents.CountAsync()));
        Assert.Empty(page.ForeignRequests);
    }

    static async Task ImportAsync(BrowserPage page, string csv)
    {
        await page.Page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "events.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
    }
}
