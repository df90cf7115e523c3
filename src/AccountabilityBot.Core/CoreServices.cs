using AccountabilityBot.Core.Commands;
using AccountabilityBot.Core.Common;
using AccountabilityBot.Core.Members;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountabilityBot.Core;

public static class CoreServices
{
    /// <summary>The command engine and every use case; the host adds persistence and the ports.</summary>
    public static IServiceCollection AddAccountabilityCore(this IServiceCollection services)
    {
        services.AddScoped<CommandDispatcher>();
        services.AddSingleton<CommandWriter>();
        services.AddScoped<CommandHandlers>();
        services.AddScoped<Inbox>();
        services.TryAddSingleton(new InboxSettings());
        services.AddSingleton<FollowUps>();
        services.AddSingleton<StoredReplies>();
        services.AddScoped<MemberDirectory>();
        services.AddScoped<Records>();
        services.AddScoped<Messaging.Outbox>();
        // The host replaces it with its own address (Dashboard:PublicUrl, or where it listens).
        services.TryAddSingleton<Dashboard.IDashboardAddress>(new Dashboard.FixedDashboardAddress(new Uri("http://localhost:5000/")));
        services.AddSingleton<Messaging.ShownOnceMessages>();
        services.TryAddSingleton(new Messaging.OutboxSettings());
        services.AddSingleton<Messaging.PlatformPauses>();
        services.AddScoped<Messaging.PauseNotices>();
        services.AddScoped<Demo.DemoData>();
        services.AddScoped<Reviews.ReviewLoader>();
        services.AddScoped<Customers.Metrics.CustomerTotalsQuery>();
        services.AddScoped<Customers.Metrics.CustomerTrendQuery>();
        services.AddScoped<Reviews.WeeklyReview>();
        services.AddScoped<Dashboard.CustomersQuery>();
        services.AddScoped<Dashboard.CommitmentBoardQuery>();
        services.AddScoped<Dashboard.DecisionsQuery>();
        services.AddScoped<Dashboard.StopListQuery>();
        services.AddScoped<Dashboard.FrontlineQuery>();
        services.AddScoped<Dashboard.FollowThroughQuery>();
        services.AddScoped<Dashboard.ScoreboardQuery>();
        services.AddScoped<Dashboard.PatternsQuery>();
        services.AddScoped<Cadence.Posts.Audience>();
        services.AddScoped<Cadence.Posts.CadenceRunner>();
        services.AddScoped<Cadence.Posts.ReviewPosts>();
        services.AddScoped<Cadence.Posts.StoryPosts>();
        services.AddScoped<Cadence.Posts.StopReviewPosts>();
        services.AddScoped<Cadence.Posts.EscalationPosts>();
        services.AddScoped<Cadence.Posts.NudgePosts>();
        services.AddScoped<Cadence.Posts.PromptPosts>();
        services.AddScoped<Cadence.Posts.TouchpointPosts>();
        services.AddScoped<Stories.StoryPrompts>();
        services.AddScoped<Touchpoints.TouchpointValues>();
        services.AddScoped<Touchpoints.TouchpointWatch>();
        services.AddScoped<Touchpoints.StageCustomers>();
        services.AddScoped<Cadence.Posts.PatternPosts>();
        services.AddScoped<Patterns.PatternFinder>();
        services.AddScoped<Patterns.PatternStops>();
        services.AddScoped<Messaging.IChatSender, Messaging.ChatSenderRouter>();
        // Every handler, from the one list of verbs: adding a verb there is all it takes to reach its handler.
        foreach (var route in Verbs.Routes) route.Register(services);
        return services;
    }
}
