namespace AccountabilityBot.Core.Domain;

/// <summary>
/// The customer events of one calendar month, the sum of its <see cref="CustomerDayTotal"/> rows: a range of years reads
/// its whole months here, a row a month for each key instead of a row a day.
/// </summary>
public sealed class CustomerMonthTotal : CustomerTotal
{
    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; set; }
}
