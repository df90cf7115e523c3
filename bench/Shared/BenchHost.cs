using AccountabilityBot.Core.Domain;
using AccountabilityBot.Core.Persistence;
using AccountabilityBot.Web.Hosting;
using AccountabilityBot.Web.Jobs;
using AccountabilityBot.Web.Local;
using AccountabilityBot.Web.Persistence;

/// <summary>
/// The bot's services over a fresh SQLite data folder, without the job server or a listener, for the benches that time a
/// job directly; and the CCO with a local leadership channel for its posts to go to.
/// </summary>
internal static class BenchHost
{
    public static async Task<WebApplication> StartAsync(string name)
    {
        var data = Directory.CreateTempSubdirectory(name).FullName;
        var builder = WebApplication.CreateBuilder([
            "--Database:DataDirectory=" + data, "--Jobs:RunServer=false", "--Bot:DefaultTimeZone=UTC", "--Logging:LogLevel:Default=Error",
        ]);
        builder.AddBotCore();
        builder.AddPersistence();
        builder.AddLocalChannel();
        builder.AddJobs();
        var app = builder.Build();
        await app.PrepareDatabaseAsync();
        return app;
    }

    public static async Task<Member> AddCcoWithLeadershipChannelAsync(AppDbContext db, DateTime now)
    {
        var cco = new Member { Platform = ChatPlatform.Local, PlatformUserId = "ana", DisplayName = "Ana", Role = Role.Cco, JoinedAt = now };
        db.Members.Add(cco);
        await db.SaveChangesAsync();
        db.ChannelBindings.Add(new ChannelBinding
            { Platform = ChatPlatform.Local, ConversationId = "leadership", Purpose = ChannelPurpose.Leadership, BoundById = cco.Id, BoundAt = now });
        await db.SaveChangesAsync();
        return cco;
    }
}
