using System.ComponentModel.DataAnnotations;

namespace AccountabilityBot.Core.Common;

/// <summary>Product settings (section "Bot").</summary>
public sealed class BotSettings
{
    public const string SectionName = "Bot";

    /// <summary>Symbol shown before money; all values are in this one currency.</summary>
    [Required, MaxLength(4)]
    public string CurrencySymbol { get; set; } = "$";

    /// <summary>IANA zone used until the CCO sets the cadence, and for members without their own.</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Platform user id of the CCO. Empty: the first member to use the bot becomes the CCO.</summary>
    public string? InitialCco { get; set; }

    /// <summary>The weekly questions to executives, asked in turn week by week.</summary>
    [MinLength(1)]
    public string[] PromptQuestions { get; set; } =
        ["Which customer's life did your team improve this week? What will you stop doing?"];

    /// <summary>Commitments overdue by more than this many days are escalated in the review.</summary>
    [Range(1, 365)]
    public int EscalateAfterDays { get; set; } = 7;
}
