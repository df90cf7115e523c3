using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Demo;

/// <summary>Last week's executive prompts: two answered, one still open, so the review has answers and a gap to show.</summary>
internal static class DemoPrompts
{
    const string Question = "Which customer's life did your team improve this week? What will you stop doing?";

    public static List<Prompt> Build(DemoCast cast, DemoDates dates) =>
    [
        new()
        {
            Member = cast["maria"], Question = Question, AskedAt = dates.At(7, 14),
            Answer = "We got a vet practice's missing order to them before their first appointment. " +
                "We'll stop promising next-day when stock is not in the warehouse.",
            AnsweredAt = dates.At(6, 9, 15),
        },
        new()
        {
            Member = cast["tom"], Question = Question, AskedAt = dates.At(7, 14),
            Answer = "Two clinics got duplicate invoices credited within the hour. We'll stop sending invoices before the duplicate check runs.",
            AnsweredAt = dates.At(5, 16, 40),
        },
        new() { Member = cast["li"], Question = Question, AskedAt = dates.At(7, 14) },
    ];
}
