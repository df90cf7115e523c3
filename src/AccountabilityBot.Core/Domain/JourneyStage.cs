namespace AccountabilityBot.Core.Domain;

public sealed class JourneyStage
{
    public static readonly string[] Defaults = ["Discover", "Buy", "Onboard", "Use", "Delivery", "Get help", "Renew"];

    public int Id { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
    public bool IsRetired { get; set; }
}
