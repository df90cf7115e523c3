using System.Text;
using AccountabilityBot.Core.Customers.Import;
using AccountabilityBot.Core.Domain;
using Microsoft.EntityFrameworkCore;
using static AccountabilityBot.Core.Tests.Customers.ImportFixture;

namespace AccountabilityBot.Core.Tests.Customers;

public sealed class CsvImportTests : IDisposable
{
    readonly ImportFixture f = new();

    public void Dispose() => f.Dispose();

    async Task<List<CustomerEvent>> EventsAsync()
    {
        await using var db = f.Database.NewContext();
        return await db.CustomerEvents.Include(e => e.Customer).ThenInclude(c => c.Group).Include(e => e.Story).OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task Import_CanonicalSample_WritesEventsCustomersGroupsAndStory()
    {
        await using var file = File.OpenRead(SamplePath("canonical.csv"));
        var report = await f.ImportAsync(file);
        Assert.True(report.Written, report.Summary);
        Assert.Equal((4, 0, 0L), (report.Inserted, report.Updated, report.Rejected));
        var events = await EventsAsync();
        var lost = events.Single(e => e.Kind == CustomerEventKind.Lost);
        Assert.Equal((24_000.50m, "Bright Smiles", "Clinics"), (lost.AnnualValue, lost.Customer.Name, lost.Customer.Group!.Name));
        Assert.Equal("Three missed deliveries in October, and nobody called them.\nThey found out from their own patients.",
            lost.Story!.Narrative.ReplaceLineEndings("\n"));
        Assert.Equal("ACME Dental", events.Single(e => e.Kind == CustomerEventKind.Referral).ReferredBy);
    }

    [Fact]
    public async Task Import_SemicolonsBomAndQuotes_ReadsLikeCommas()
    {
        var csv = Header.Replace(',', ';') + "\n2026-11-02;lost;;\"Smith; Sons \"\"Dental\"\"\";;\"1,500\";usd;\"price; again\";;;\n";
        var report = await f.ImportAsync(csv, bom: true);
        Assert.True(report.Written, string.Join("; ", report.Problems));
        var e = Assert.Single(await EventsAsync());
        Assert.Equal(("Smith; Sons \"Dental\"", 1_500m, "price; again"), (e.Customer.Name, e.AnnualValue, e.Reason));
        Assert.StartsWith("h:", e.ExternalId);
    }

    [Fact]
    public async Task Import_BadRows_ReportsEveryOneWithLineAndColumn_AndWritesNothing()
    {
        var csv = Header + "\n" +
            "2026-11-02,won,,Good Co,,1000,,,,,G-1\n" +             // line 2: fine
            "2026-02-30,won,,Bad Date,,1000,,,,,G-2\n" +            // line 3
            "2026-11-02,lost,,Negative,,-5,,,,,G-3\n" +             // line 4
            "2026-11-02,won,,Words,,lots,,,,,G-4\n" +               // line 5
            "2026-11-02,churned,,Unknown,,100,,,,,G-5\n" +          // line 6
            "2026-11-02,won,,Euro,,100,EUR,,,,G-6\n" +              // line 7
            "2026-11-02,won,,Dup,,100,,,,,G-1\n" +                  // line 8
            "2027-06-01,won,,,,,,,,,G-8\n";                         // line 9: future, no name, no value
        var report = await f.ImportAsync(csv);
        Assert.False(report.Written);
        Assert.Equal((8L, 7L), (report.Rows, report.Rejected));
        Assert.Contains(new ImportProblem(3, "date", "'2026-02-30' is not a date; use 2026-10-05"), report.Problems);
        Assert.Contains(report.Problems, p => p is { Line: 4, Column: "annual_value" } && p.Reason.Contains("can't be negative"));
        Assert.Contains(report.Problems, p => p is { Line: 5, Column: "annual_value" } && p.Reason.Contains("must be a number"));
        Assert.Contains(report.Problems, p => p is { Line: 6, Column: "type" } && p.Reason.Contains("'churned' is not a type"));
        Assert.Contains(report.Problems, p => p is { Line: 7, Column: "currency" } && p.Reason.Contains("USD"));
        Assert.Contains(report.Problems, p => p is { Line: 8, Column: "external_id" } && p.Reason.Contains("same event as line 2"));
        Assert.Equal(["annual_value", "customer_name", "date"], report.Problems.Where(p => p.Line == 9).Select(p => p.Column).Order());
        Assert.Empty(await EventsAsync());
    }

    [Fact]
    public async Task Import_Partial_WritesGoodRowsAndReportsTheRest()
    {
        var csv = Header + "\n2026-11-02,won,,Good Co,,1000,,,,,G-1\n2026-11-02,won,,Bad,,x,,,,,G-2\n2026-11-03,lost,,Also Good,,200,,,,,G-3\n";
        var report = await f.ImportAsync(csv, partial: true);
        Assert.True(report.Written);
        Assert.Equal((2, 1L), (report.Inserted, report.Rejected));
        Assert.Equal(3, Assert.Single(report.Problems).Line);
        Assert.Equal(["Also Good", "Good Co"], (await EventsAsync()).Select(e => e.Customer.Name).Order());
    }

    [Fact]
    public async Task Import_RowWithBytesThatAreNotUtf8_IsReportedWithLineAndColumn()
    {
        // Line 3 was saved in Windows-1252 ("Müller" as 4D FC 6C...): read as a string it would be stored as "M\uFFFDller".
        byte[] csv =
        [
            .. Encoding.UTF8.GetBytes(Header + "\n2026-11-02,won,,Good Co,,1000,,,,,G-1\n2026-11-02,lost,,M"),
            0xFC, .. "ller GmbH,,1000,,,,,G-2\n"u8,
        ];
        var report = await f.ImportAsync(new MemoryStream(csv), partial: true);
        var problem = Assert.Single(report.Problems);
        Assert.Equal((3L, "customer_name"), (problem.Line, problem.Column));
        Assert.Contains("not valid UTF-8", problem.Reason);
        Assert.Equal(["Good Co"], (await EventsAsync()).Select(e => e.Customer.Name));
    }

    [Theory]
    [InlineData("", "The file is empty")]
    [InlineData("date,type,customer_name\n", "no 'annual_value' column")]
    public async Task Import_EmptyOrIncompleteHeader_SaysSoAndWritesNothing(string csv, string expected)
    {
        var report = await f.ImportAsync(csv);
        Assert.False(report.Written);
        Assert.Contains(expected, Assert.Single(report.Problems).Reason);
    }

    [Fact]
    public async Task Import_HeaderOnly_WritesNothingAndReportsNoProblem()
    {
        var report = await f.ImportAsync(Header + "\r\n");
        Assert.True(report.Written);
        Assert.Equal((0L, 0), (report.Rows, report.Inserted));
    }

    [Fact]
    public async Task Import_SameFileTwice_UpdatesInsteadOfDuplicating()
    {
        var csv = Header + "\n2026-11-02,won,C-1,Good Co,Clinics,1000,,,,,G-1\n2026-11-03,lost,,No Id Co,,200,,price,They left.,,\n";
        await f.ImportAsync(csv);
        var again = await f.ImportAsync(csv.Replace(",1000,", ",1250,").Replace("They left.", "They left quietly."));
        Assert.Equal((0, 2), (again.Inserted, again.Updated));
        var events = await EventsAsync();
        Assert.Equal(2, events.Count);
        Assert.Equal(1_250m, events.Single(e => e.ExternalId == "G-1").AnnualValue);
        Assert.Equal("They left quietly.", events.Single(e => e.Kind == CustomerEventKind.Lost).Story!.Narrative);
        await using var db = f.Database.NewContext();
        Assert.Equal(2, await db.Customers.CountAsync());
        Assert.Equal(1, await db.LostStories.CountAsync());
    }

    [Theory]
    [InlineData("salesforce-opportunities.csv", "salesforce")]
    [InlineData("hubspot-deals.csv", "hubspot")]
    public async Task Import_CrmSample_MapsStagesAndSkipsOpenDeals(string file, string mapping)
    {
        await using var stream = File.OpenRead(SamplePath(file));
        var report = await f.ImportAsync(stream, mapping: mapping);
        Assert.True(report.Written, string.Join("; ", report.Problems));
        Assert.Equal(1, report.Skipped);
        var events = await EventsAsync();
        Assert.Equal(new DateOnly(2026, 10, 5), events.Single(e => e.Customer.Name == "ACME Dental").OccurredOn);
        Assert.Equal(CustomerEventKind.Renewed, events.Single(e => e.Customer.Name == "Bright Smiles").Kind);
        var lost = events.Single(e => e.Kind == CustomerEventKind.Lost);
        Assert.Equal(("Northside Labs", 18_000m, "Price"), (lost.Customer.Name, lost.AnnualValue, lost.Reason));
        Assert.NotNull(lost.Story);
    }
}
