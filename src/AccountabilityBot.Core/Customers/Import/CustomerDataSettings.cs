using System.ComponentModel.DataAnnotations;

namespace AccountabilityBot.Core.Customers.Import;

/// <summary>Settings for getting customer data in (section "CustomerData").</summary>
public sealed class CustomerDataSettings
{
    public const string SectionName = "CustomerData";

    /// <summary>ISO code of the one currency values are in; imported rows in another currency are refused.</summary>
    [Required, RegularExpression("^[A-Za-z]{3}$", ErrorMessage = "CustomerData:Currency must be a three-letter ISO code such as USD or EUR.")]
    public string Currency { get; set; } = "USD";
}
