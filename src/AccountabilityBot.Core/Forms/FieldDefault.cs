namespace AccountabilityBot.Core.Forms;

/// <summary>A value a field starts with that depends on the team, so it is read when the form is shown.</summary>
public enum FieldDefault
{
    None,
    /// <summary>The team's time zone (<see cref="FormContext.Zone"/>).</summary>
    TeamZone,
}
