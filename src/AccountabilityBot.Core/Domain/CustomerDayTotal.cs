namespace AccountabilityBot.Core.Domain;

/// <summary>The customer events of one day: what the trend and the days at a range's edges are summed from.</summary>
public sealed class CustomerDayTotal : CustomerTotal
{
    public DateOnly Day { get; set; }
}
