using System.Globalization;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Members;
using AccountabilityBot.Core.Messaging;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace AccountabilityBot.Core.Cadence.Posts;

/// <summary>
/// The weekly question to each executive, by DM, with the latest lost customer as context; answers come back through
/// the `answer` command (typed, or from the button's question). One gentle reminder, later, in their own morning. None
/// on their days away; inside their quiet hours a question waits until they end.
/// </summary>
public sealed class PromptPosts(AppDbContext db, TimeProvider clock, BotSettings settings)
{
    public const string Kind = CadenceKinds.Prompts;
    public const string ReminderKind = "prompt-reminder";
    static readonly TimeSpan RemindAfter = TimeSpan.FromDays(2);
    static readonly TimeSpan FreshFor = TimeSpan.FromHours(12);

    public async Task<IReadOnlyList<PlannedPost>> PlanQuestionsAsync(CancellationToken ct)
    {
        var (now, teamZone) = (clock.UtcNow(), await TeamZone.FindAsync(db, settings, ct));
        var today = clock.Today(teamZone);
        var week = ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue));
        var question = settings.PromptQuestions[week % settings.PromptQuestions.Length];
        var executives = (await db.Members.Where(m => m.Role == Role.Executive).OrderBy(m => m.Id).ToListAsync(ct))
            .Where(m => !m.IsAwayAt(now, teamZone)).ToList();
        var story = await StorySelector.StoryOfTheWeekAsync(db, today.AddDays(-7), today, ct);
        var context = story is null
            ? null
            : $"For context: {story.Event.Customer.Name} left ({story.Event.Reason ?? "reason not recorded"}) — story L-{story.Id}.";
        var posts = new List<PlannedPost>();
        foreach (var member in executives)
        {
            var key = $"{Kind}:{member.Id}:{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{week:00}";
            posts.Add(new PlannedPost(OutboxPost.ToMember(member, teamZone, key, Kind, now, now + FreshFor),
                t => AskOneAsync(member, question, context, t)));
        }
        return posts;
    }

    /// <summary>Reminds, once, an executive who has not answered within two days, when it is morning for them.</summary>
    public async Task<IReadOnlyList<PlannedPost>> PlanRemindersAsync(CadenceSetting morning, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var askedBefore = now - RemindAfter;
        var teamZone = await TeamZone.FindAsync(db, settings, ct);
        var days = CadenceSchedule.ParseDays(morning.Days).ToHashSet();
        var open = await db.Prompts.Include(p => p.Member)
            .Where(p => p.AnsweredAt == null && p.AskedAt <= askedBefore && p.AskedAt > now.AddDays(-7))
            .OrderBy(p => p.Id).ToListAsync(ct);
        var posts = new List<PlannedPost>();
        foreach (var prompt in open)
        {
            var zone = Availability.ZoneOf(prompt.Member, teamZone);
            if (LocalMorning.Current(zone, morning.LocalTime, now, days) is not { } window || prompt.Member.IsAwayOn(window.LocalDate)) continue;
            posts.Add(new PlannedPost(OutboxPost.ToMember(prompt.Member, teamZone, $"{ReminderKind}:{prompt.Id}", ReminderKind, now, window.NotAfter),
                _ => Task.FromResult(Compose(prompt, "A gentle reminder — no pressure, one line is plenty:", null))));
        }
        return posts;
    }

    async Task<ChatMessage> AskOneAsync(Member member, string question, string? context, CancellationToken ct)
    {
        var prompt = new Prompt { MemberId = member.Id, Member = member, Question = question, AskedAt = clock.UtcNow() };
        db.Prompts.Add(prompt);
        await db.SaveChangesAsync(ct);
        return Compose(prompt, "Your weekly question:", context);
    }

    static ChatMessage Compose(Prompt prompt, string intro, string? context)
    {
        var reference = Refs.Of(Refs.Prompt, prompt.Id);
        var blocks = new List<MessageBlock>
        {
            new TextBlock(intro),
            new TextBlock(RichText.Bold(prompt.Question)),
        };
        if (context is not null) blocks.Add(new ContextBlock(context));
        blocks.Add(new ContextBlock($"Reply with `answer {reference} your answer`. Your answer is shared in the next weekly review."));
        blocks.Add(new ActionsBlock(
            [new ActionButton("Answer", $"answer {reference} \"{ActionButton.AnswerSlot}\"", ButtonStyle.Primary, AskFor: prompt.Question)]));
        return new ChatMessage(blocks);
    }
}
