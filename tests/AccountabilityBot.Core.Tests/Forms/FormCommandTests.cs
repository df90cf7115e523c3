using AccountabilityBot.Core.Cadence;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Commitments;
using AccountabilityBot.Core.Customers;
using AccountabilityBot.Core.Decisions;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Forms;
using AccountabilityBot.Core.Resolutions;
using AccountabilityBot.Core.StopList;
using AccountabilityBot.Core.Stories;
using static AccountabilityBot.Core.Tests.Commands.ParserTestContext;

namespace AccountabilityBot.Core.Tests.Forms;

/// <summary>Every form, filled in, gives command text the parser reads as the command meant; typed words stay values.</summary>
public sealed class FormCommandTests
{
    static readonly Dictionary<string, (Dictionary<string, string> Values, ChatCommand Expected)> Samples = new()
    {
        ["commit"] = (new() { ["title"] = "Fix the \"welcome\" emails stage:Onboard", ["due"] = "2026-12-04", ["owner"] = "<@UTOM>", ["stage"] = "Get help" },
            new CommitCommand("Fix the 'welcome' emails stage:Onboard", MemberRef.ById("UTOM"), D(2026, 12, 4), "Get help", null)),
        ["decide"] = (new() { ["text"] = "Waive the fee\nfor outage customers owner:@tom", ["owner"] = "maria", ["due"] = "2026-12-15", ["re"] = "l-5" },
            new DecideCommand("Waive the fee for outage customers owner:@tom", MemberRef.ByName("maria"), D(2026, 12, 15), "L-5")),
        ["resolved"] = (new() { ["what"] = "Refunded shipping", ["customer"] = "ACME Dental", ["stage"] = "Delivery", ["cost"] = "18.5" },
            new ResolvedCommand("Refunded shipping", "ACME Dental", "Delivery", 18.5m)),
        ["lost"] = (new()
            {
                ["customer"] = "ACME \"Dental\"", ["value"] = "36000", ["reason"] = "missed deliveries",
                ["story"] = "Three missed deliveries.\nNobody called.",
            },
            new CustomerEventCommand(
                CustomerEventKind.Lost, "ACME 'Dental'", 36000m, "missed deliveries", "Three missed deliveries. Nobody called.", null, null, null)),
        ["stop"] = (new() { ["title"] = "Manager approval for small refunds", ["why"] = "It slows\nevery refund" },
            new StopProposeCommand("Manager approval for small refunds", null, null, "It slows every refund")),
        ["story"] = (new() { ["customer"] = "ACME Dental", ["text"] = "Three missed deliveries, and \"nobody\" called." },
            new StoryCommand(null, "ACME Dental", "Three missed deliveries, and 'nobody' called.", false)),
        ["cadence"] = (new() { ["kind"] = "review", ["days"] = "weekdays", ["time"] = "08:00", ["zone"] = "Europe/London" },
            new CadenceSetCommand("review", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
                new TimeOnly(8, 0), "Europe/London")),
    };

    public static TheoryData<string> Names => new(FormCatalog.All.Select(f => f.Name));

    [Fact]
    public void Samples_CoverEveryForm() => Assert.Equal(FormCatalog.All.Select(f => f.Name).Order(), Samples.Keys.Order());

    [Theory]
    [MemberData(nameof(Names))]
    public void FilledForm_ParsesIntoTheCommandMeant(string name)
    {
        var (values, expected) = Samples[name];
        var form = FormCatalog.Find(name)!;
        Assert.Equal(form.Fields.Select(f => f.Id).Order(), values.Keys.Order()); // the sample fills every field
        var text = form.CommandText(form.Read(values.GetValueOrDefault));
        var parsed = Parse(text);
        Assert.True(parsed.Succeeded, $"{text}: {parsed.Error}");
        Assert.Equivalent(expected, parsed.Command, strict: true);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void RequiredFieldsOnly_Parse(string name)
    {
        var form = FormCatalog.Find(name)!;
        var required = form.Fields.Where(f => f.Required).Select(f => f.Id).ToHashSet();
        var text = form.CommandText(form.Read(id => required.Contains(id) ? Samples[name].Values[id] : null));
        var parsed = Parse(text);
        Assert.True(parsed.Succeeded, $"{text}: {parsed.Error}");
        Assert.Equal(Samples[name].Expected.GetType(), parsed.Command!.GetType());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ARequiredFieldLeftEmpty_GivesNoCommand_AndNamesTheField(string name)
    {
        var form = FormCatalog.Find(name)!;
        foreach (var field in form.Fields.Where(f => f.Required))
        {
            var values = form.Read(id => id == field.Id ? "  \n " : Samples[name].Values[id]);
            Assert.Null(form.CommandText(values));
            Assert.Equal(field, form.Missing(values));
        }
    }

    [Fact]
    public void Refusal_IsPlacedUnderTheFieldItMentions_ElseTheFirst()
    {
        Assert.Equal("due", FormCatalog.Find("commit")!.FieldAbout("due date 2026-01-05 is in the past").Id);
        Assert.Equal("title", FormCatalog.Find("commit")!.FieldAbout("Something else went wrong").Id);
    }
}
