using AccountabilityBot.Core.Cadence;
using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Commitments;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Prompts;
using AccountabilityBot.Core.Reviews;
using AccountabilityBot.Core.Stories;
using static AccountabilityBot.Core.Tests.Commands.ParserTestContext;

namespace AccountabilityBot.Core.Tests.Commands;

/// <summary>
/// Stories, settings and the no-argument verbs. Cadence schedules are in
/// <see cref="AccountabilityBot.Core.Tests.Cadence.CadenceParseTests"/>.
/// </summary>
public sealed class ParserAdminExampleTests
{
    public static TheoryData<string, ChatCommand> Examples => new()
    {
        { "help", new HelpCommand(null) },
        { "help commit", new HelpCommand("commit") },
        { "HELP Stop propose", new HelpCommand("stop") },
        { "mine", new MineCommand() },
        { "/cx review", new ReviewCommand() },

        { "story", new StoryCommand(null, null, null, false) },
        { "story L-5", new StoryCommand(5, null, null, false) },
        { "story l5 \"They left after three missed deliveries\"", new StoryCommand(5, null, "They left after three missed deliveries", false) },
        { "story \"ACME Dental\" \"Three missed deliveries.\nThen silence.\"",
            new StoryCommand(null, "ACME Dental", "Three missed deliveries.\nThen silence.", false) },
        { "story pick L-5", new StoryCommand(5, null, null, true) },

        { "cadence", new CadenceShowCommand() },
        { "cadence review pause", new CadencePauseCommand("review", true) },
        { "cadence stories send", new CadenceSendCommand("stories") },
        { "cadence Nudges resume", new CadencePauseCommand("nudges", false) },

        { "role", new RoleCommand(null, null) },
        { "role @tom executive", new RoleCommand(MemberRef.ByName("tom"), Role.Executive) },
        { "role <@U9|Tom Jones> cco", new RoleCommand(MemberRef.ById("U9", "Tom Jones"), Role.Cco) },
        { "role @ana.b exec", new RoleCommand(MemberRef.ByName("ana.b"), Role.Executive) },
        { "role me Frontline", new RoleCommand(MemberRef.Self, Role.Frontline) },

        { "channel", new ChannelCommand(null, false) },
        { "channel leadership", new ChannelCommand(ChannelPurpose.Leadership, false) },
        { "channel Frontline", new ChannelCommand(ChannelPurpose.Frontline, false) },
        { "channel remove", new ChannelCommand(null, true) },
        { "channel remove C0123", new ChannelCommand(null, true, "C0123") },
        { "channel remove \"19:abc@thread.tacv2\"", new ChannelCommand(null, true, "19:abc@thread.tacv2") },

        { "stage", new StageCommand(StageAction.List, null, null) },
        { "stage list", new StageCommand(StageAction.List, null, null) },
        { "stage add Onboard", new StageCommand(StageAction.Add, "Onboard", null) },
        { "stage add \"Get help\" after:Onboard", new StageCommand(StageAction.Add, "Get help", "Onboard") },
        { "stage add Get help after:\"First order\"", new StageCommand(StageAction.Add, "Get help", "First order") },
        { "stage remove \"Get help\"", new StageCommand(StageAction.Remove, "Get help", null) },
        { "stage rename \"Get help\" Support", new StageCommand(StageAction.Rename, "Get help", "Support") },

        { "me", new MeCommand(null, null) },
        { "me tz:Europe/Paris", new MeCommand("Europe/Paris", null) },
        { "me away", new MeCommand(null, true) },
        { "me back", new MeCommand(null, false) },
        { "me away tz:UTC", new MeCommand("UTC", true) },
        { "me away until:dec 28", new MeCommand(null, true, null, D(2026, 12, 28)) },
        { "me away from:dec 20 until:jan 3", new MeCommand(null, true, D(2026, 12, 20), D(2027, 1, 3)) },
        { "me quiet 19:00-08:00", new MeCommand(null, null, Quiet: new QuietHours(new(19, 0), new(8, 0))) },
        { "me quiet 7pm to 8:30am away", new MeCommand(null, true, Quiet: new QuietHours(new(19, 0), new(8, 30))) },
        { "me quiet off", new MeCommand(null, null, Quiet: QuietHours.Off) },

        { "answer P-4 \"We lost them on refunds\"", new AnswerCommand(4, "We lost them on refunds") },
        { "answer slow refunds, mostly", new AnswerCommand(null, "slow refunds, mostly") },
        { "answer C-7 slipped again", new AnswerCommand(null, "C-7 slipped again") },
        { "answer p4 owner: nobody yet", new AnswerCommand(4, "owner: nobody yet") },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parse_ValidAdminCommand_ProducesExactRecord(string text, ChatCommand expected)
    {
        var result = Parse(text);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, result.Command);
    }
}
