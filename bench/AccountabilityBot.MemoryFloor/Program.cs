// The idle-memory floor of the bot's required stack: the work Slack's Bolt comparison does (verify the signature,
// parse the slash command, one SQLite insert, ack) on ASP.NET Core, with EF Core and a Hangfire server as the bot has
// them, and nothing else. Built three ways (see the .csproj); bench/memory.sh runs each beside the bot.
using System.Security.Cryptography;
using System.Text;
#if WITH_EF
using Microsoft.EntityFrameworkCore;
#endif
#if WITH_HANGFIRE
using Hangfire;
using Hangfire.Storage.SQLite;
#endif

var builder = WebApplication.CreateBuilder(args);
var data = builder.Configuration["Database:DataDirectory"] ?? Path.GetTempPath();
var secret = Encoding.UTF8.GetBytes(builder.Configuration["Slack:SigningSecret"] ?? throw new InvalidOperationException("Slack:SigningSecret"));
#if WITH_EF
builder.Services.AddDbContext<FloorDb>(o => o.UseSqlite($"Data Source={Path.Combine(data, "floor.db")}"));
#endif
#if WITH_HANGFIRE
builder.Services.AddHangfire(c => c.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings()
    .UseStorage(new SQLiteStorage(Path.Combine(data, "hangfire.db"))));
builder.Services.AddHangfireServer(o => o.WorkerCount = 1);
#endif
var app = builder.Build();
#if WITH_EF
using (var scope = app.Services.CreateScope()) scope.ServiceProvider.GetRequiredService<FloorDb>().Database.EnsureCreated();
#endif
#if WITH_HANGFIRE
app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate("weekly-review", () => Console.WriteLine("review"), "0 8 * * 1");
#endif

app.MapPost("/slack/commands", async (HttpRequest request
#if WITH_EF
    , FloorDb db
#endif
    ) =>
{
    using var body = new MemoryStream();
    await request.Body.CopyToAsync(body);
    var timestamp = request.Headers["X-Slack-Request-Timestamp"].ToString();
    var expected = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body.ToArray()).ToArray()));
    if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(request.Headers["X-Slack-Signature"].ToString())))
        return Results.Unauthorized();
    var text = System.Web.HttpUtility.ParseQueryString(Encoding.UTF8.GetString(body.ToArray()))["text"] ?? "";
#if WITH_EF
    db.Commands.Add(new ReceivedCommand { Text = text });
    await db.SaveChangesAsync();
#endif
    return Results.Json(new { response_type = "ephemeral", text = $"recorded: {text}" });
});
app.Run();

#if WITH_EF
sealed class ReceivedCommand { public int Id { get; set; } public string Text { get; set; } = ""; }
sealed class FloorDb(DbContextOptions<FloorDb> options) : DbContext(options) { public DbSet<ReceivedCommand> Commands => Set<ReceivedCommand>(); }
#endif
