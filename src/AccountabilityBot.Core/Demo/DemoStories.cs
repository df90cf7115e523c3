using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Demo;

/// <summary>
/// Lost-customer stories told as a customer's life (worded to fit any of the four groups), one per reason in
/// <see cref="DemoEvents.LostReasons"/>.
/// </summary>
internal static class DemoStories
{
    static readonly string[] Narratives =
    [
        "{0} ran their busiest mornings on our gloves and dressings. Three missed deliveries in six weeks " +
        "meant they cancelled eleven appointments and borrowed stock from the practice down the road. " +
        "Each time they called, someone new promised it would arrive tomorrow. " +
        "After the third time the practice manager stopped believing us and moved the whole order to a local supplier.",

        "{0} was invoiced twice for the same order two months running. " +
        "Their office manager, who does the books on Sunday evenings, spent three weekends chasing credits " +
        "that then landed on the wrong account. Nobody called her back when we said we would. " +
        "She told us she could not keep a supplier whose invoices she had to check line by line.",

        "{0} signed with us expecting to be up and running in two weeks; it took seven. " +
        "The data import failed twice and their trainer was rescheduled three times, " +
        "so the front desk ran two systems side by side and double-booked patients. " +
        "By the time everything worked, the owner had already decided we were not worth the disruption.",

        "{0} had been with us for six years when the renewal letter arrived with a 14% increase and no conversation before it. " +
        "The owner rang to ask what had changed for them, and got a link to our pricing page. " +
        "They were not against paying more; they were against finding out from a letter. " +
        "They signed with someone else the same week.",

        "{0}'s practice manager rang our help line four times in one month about the same booking sync problem. " +
        "Every call started from zero, with a new ticket and the same questions. " +
        "A competitor's rep visited in person, fixed a similar problem during the demo and left a direct number. " +
        "They moved within a fortnight, and told us it was never about the software.",
    ];

    /// <summary>Written a day after the loss by whoever knew the customer best; none told yet, so reviews have stories to tell.</summary>
    public static List<LostStory> Build(IReadOnlyList<CustomerEvent> subjects, Member fallbackAuthor, DemoDates dates) =>
    [
        .. subjects.Select(e => new LostStory
        {
            Event = e,
            Narrative = string.Format(Narratives[Array.IndexOf(DemoEvents.LostReasons, e.Reason)], e.Customer.Name),
            AuthorId = (e.Customer.AccountOwner ?? fallbackAuthor).Id,
            CreatedAt = Min(e.RecordedAt.AddDays(1), dates.Now),
        }),
    ];

    static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
