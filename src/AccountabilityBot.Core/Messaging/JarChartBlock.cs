using System.Text.Json.Serialization;

namespace AccountabilityBot.Core.Messaging;

/// <summary>
/// The marble jar as a picture: customers won against customers lost in a period, with their yearly value, and the
/// net of each recent week. Core carries only these numbers; each platform draws the picture at its edge, and
/// <see cref="Text"/> says the same in words for screen readers and clients that show no images.
/// </summary>
/// <param name="Title">What the picture shows, e.g. "The marble jar — this week".</param>
/// <param name="Currency">The symbol yearly values are written with.</param>
/// <param name="Text">The complete text equivalent: every number the picture shows.</param>
public sealed record JarChartBlock(string Title, string Currency, JarTotal Won, JarTotal Lost, IReadOnlyList<JarWeek> Weeks, string Text)
    : MessageBlock
{
    /// <summary>
    /// The image's alternative text: short, because the full text equivalent is written right under the picture on
    /// every platform, so a screen reader hears the numbers once.
    /// </summary>
    [JsonIgnore]
    public string AltText => $"{Title}: a picture of customers won against customers lost, and the net of "
        + $"{(Weeks.Count == 1 ? "the last week" : $"each of the last {Weeks.Count} weeks")}. The same numbers are written under it.";
}

/// <summary>How many customers, and what they are worth a year.</summary>
public sealed record JarTotal(int Count, decimal Value);

/// <summary>One week of the trend: the seven days from <paramref name="From"/>, and customers won minus customers lost.</summary>
public sealed record JarWeek(DateOnly From, int Net, decimal NetValue);
