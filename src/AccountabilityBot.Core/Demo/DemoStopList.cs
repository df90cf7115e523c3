using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Demo;

/// <summary>Five stop-list items in every state a review shows; the third is agreed and due for review today or earlier.</summary>
internal static class DemoStopList
{
    public const int DueForReview = 2, KeptStopped = 4;

    public static List<StopItem> Build(DemoCast cast, DemoDates dates) =>
    [
        new()
        {
            Title = "Charging a restocking fee on returned orders",
            Rationale = "Clinics return stock when we sent the wrong item; charging them for our mistake is how we lose them.",
            OwnerId = cast["tom"].Id, Status = StopItemStatus.Proposed,
            ProposedById = cast["eva"].Id, ProposedAt = dates.At(4, 11),
        },
        new()
        {
            Title = "Asking clinics to re-enter their details on every support ticket",
            Rationale = "Practice managers tell us it is the first thing that makes them feel like strangers.",
            OwnerId = cast["sam"].Id, Status = StopItemStatus.Proposed,
            ProposedById = cast["noor"].Id, ProposedAt = dates.At(9, 14),
        },
        new()
        {
            Title = "Shipping partial orders without telling the customer",
            Rationale = "A clinic finds out at 8am that half its order is missing; a call the day before lets them plan.",
            OwnerId = cast["maria"].Id, Status = StopItemStatus.Agreed, ReviewOn = dates.Day(-2),
            ProposedById = cast["jo"].Id, ProposedAt = dates.At(50, 10), AgreedAt = dates.At(45, 9),
        },
        new()
        {
            Title = "Raising prices at renewal without a conversation",
            Rationale = "Long-standing customers left over how they heard about the increase, not the increase itself.",
            OwnerId = cast["priya"].Id, Status = StopItemStatus.Agreed, ReviewOn = dates.Day(30),
            ProposedById = cast["priya"].Id, ProposedAt = dates.At(33, 16), AgreedAt = dates.At(31, 9),
        },
        new()
        {
            Title = "Requiring manager approval for refunds under $150",
            Rationale = "The frontline can fix a customer's day in minutes; waiting for approval turned small issues into lost accounts.",
            OwnerId = cast["li"].Id, Status = StopItemStatus.KeptStopped, ReviewOn = dates.Day(-10),
            ProposedById = cast["kai"].Id, ProposedAt = dates.At(85, 10), AgreedAt = dates.At(80, 9),
            ReviewedById = cast.Cco.Id, ReviewedAt = dates.At(10, 9),
        },
    ];
}
