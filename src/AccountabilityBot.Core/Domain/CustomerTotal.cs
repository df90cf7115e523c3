namespace AccountabilityBot.Core.Domain;

/// <summary>
/// The customer events of one period (<see cref="CustomerDayTotal"/>, <see cref="CustomerMonthTotal"/>), kind, customer
/// group and reason: how many and their yearly value. The database keeps the roll-ups (triggers on CustomerEvents and
/// Customers, in each provider's migrations), so every writer counts (imports, chat, the demo), and a range of any length
/// reads at most periods × kinds × groups × reasons rows instead of every event.
/// </summary>
public abstract class CustomerTotal
{
    /// <summary>What <see cref="GroupId"/> holds for customers in no group (a key column cannot be null).</summary>
    public const int NoGroup = 0;

    public CustomerEventKind Kind { get; set; }
    public int GroupId { get; set; }

    /// <summary>The reason as typed, for lost and renewed customers only (the only reasons shown); otherwise empty.</summary>
    public string Reason { get; set; } = "";

    /// <summary>
    /// Always 0 on SQLite (one writer at a time). On PostgreSQL the row a writer counts into, claimed for its transaction
    /// without waiting, so a long import never holds the row a chat command needs; a share may be negative, the sum of a
    /// key's shares is right.
    /// </summary>
    public int Share { get; set; }

    public int Count { get; set; }
    public decimal Value { get; set; }
}
