using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Forms;

namespace AccountabilityBot.Core.Tests.Forms;

public sealed class FormCatalogTests
{
    [Fact]
    public void All_IsTheUnionOfTheSlackAndTeamsForms_InMenuOrder() =>
        Assert.Equal(["commit", "decide", "resolved", "lost", "stop", "story", "cadence"], FormCatalog.All.Select(f => f.Name));

    [Theory]
    [InlineData("commitment", "commit")]
    [InlineData("decision", "decide")]
    [InlineData("resolution", "resolved")]
    [InlineData("Commit", "commit")]
    [InlineData("lost", "lost")]
    public void Find_KnowsEveryNameAndTheFormerSlackNames(string asked, string found) => Assert.Equal(found, FormCatalog.Find(asked)?.Name);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("launch-missiles")]
    public void Find_AnythingElse_IsNull(string? asked) => Assert.Null(FormCatalog.Find(asked));

    [Fact]
    public void EveryForm_IsNamedAfterAVerb_AndFitsEveryPlatform()
    {
        foreach (var form in FormCatalog.All)
        {
            Assert.True(CommandCatalog.Find(form.Name) is not null, $"{form.Name} is not a verb");
            Assert.InRange(form.Title.Length, 1, 24); // a Slack modal title
            Assert.InRange(form.SubmitLabel.Length, 1, 24);
            Assert.InRange(form.MenuLabel.Length, 1, 75);
            var ids = form.Fields.Select(f => f.Id).ToList();
            Assert.Equal(ids.Distinct(), ids);
            // Teams sends a form's values beside these keys.
            Assert.DoesNotContain("form", ids);
            Assert.DoesNotContain("command", ids);
            Assert.All(form.Fields.Where(f => f.Kind == FieldKind.Choice && f.Choices == ChoiceSource.Fixed), f => Assert.NotEmpty(f.Options));
        }
    }
}
