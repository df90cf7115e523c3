using System.ComponentModel.DataAnnotations;

namespace AccountabilityBot.Core.Common;

/// <summary>Product settings (section "Bot").</summary>
public sealed class BotSettings
{
    public const string SectionName = "Bot";

    /// <summary>Symbol shown before money; all values are in this one currency.</summary>
    [Required(ErrorMessage = "Bot:CurrencySymbol must be set, e.g. $ or €.")]
    [MaxLength(4, ErrorMessage = "Bot:CurrencySymbol must be at most 4 characters, e.g. $ or CHF.")]
    public string CurrencySymbol { get; set; } = "$";

    /// <summary>IANA zone used until the CCO sets the cadence, and for members without their own.</summary>
    [Required(ErrorMessage = "Bot:DefaultTimeZone must be set to an IANA time zone such as Europe/London.")]
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Platform user id of the CCO. Empty: the first member to use the bot becomes the CCO.</summary>
    public string? InitialCco { get; set; }

    /// <summary>The weekly questions to executives, asked in turn week by week.</summary>
    [MinLength(1, ErrorMessage = "Bot:PromptQuestions must hold at least one question (Bot__PromptQuestions__0=...).")]
    public string[] PromptQuestions { get; set; } =
        ["Which customer's life did your team improve this week? What will you stop doing?"];

    /// <summary>Commitments overdue by more than this many days are escalated in the review.</summary>
    [Range(1, 365, ErrorMessage = "Bot:EscalateAfterDays must be between 1 and 365 days.")]
    public int EscalateAfterDays { get; set; } = 7;
}
