using AccountabilityBot.Core.Reviews;

namespace AccountabilityBot.Web.Dashboard;

/// <summary>A lost customer's story as the Customers page shows it.</summary>
public sealed record StoryCard(StoryView Story, bool Picked, DateTime? ToldAt, string Money);
