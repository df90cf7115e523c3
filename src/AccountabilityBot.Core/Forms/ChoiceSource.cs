namespace AccountabilityBot.Core.Forms;

/// <summary>Where a choice field's options come from.</summary>
public enum ChoiceSource
{
    /// <summary>The field's own <see cref="FormField.Options"/> (cadence kinds, days, …).</summary>
    Fixed,
    /// <summary>The team's journey stages, read when the form is shown (<see cref="FormContext.Stages"/>).</summary>
    JourneyStages,
}
