using AccountabilityBot.Web.Hosting;
using AccountabilityBot.Web.Jobs;
using AccountabilityBot.Web.Local;
using AccountabilityBot.Web.Persistence;
using AccountabilityBot.Web.Teams;

var builder = WebApplication.CreateBuilder(DemoExtensions.WithDemoFlag(args));
builder.AddBotCore();
builder.AddPersistence();
builder.AddLocalChannel();
builder.AddTeams();
builder.AddJobs();

var app = builder.Build();
app.UseRequestSizeLimit(maxBytes: 64 * 1024);
await app.PrepareDatabaseAsync();
await app.RunDemoAsync();
await app.ApplyStoredCadenceAsync();

app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.MapLocalChannel();
app.MapTeams();
app.MapJobsDashboard();
await app.RunAsync();

public partial class Program;
