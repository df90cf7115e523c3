using AccountabilityBot.Web.Hosting;
using AccountabilityBot.Web.Jobs;
using AccountabilityBot.Web.Local;
using AccountabilityBot.Web.Persistence;
using AccountabilityBot.Web.Slack;

var builder = WebApplication.CreateBuilder(DemoExtensions.WithDemoFlag(args));
builder.AddBotCore();
builder.AddPersistence();
builder.AddLocalChannel();
builder.AddSlack();
builder.AddJobs();

var app = builder.Build();
app.UseRequestSizeLimit(maxBytes: 64 * 1024);
await app.PrepareDatabaseAsync();
await app.RunDemoAsync();
await app.ApplyStoredCadenceAsync();

app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.MapLocalChannel();
app.MapSlack();
app.MapJobsDashboard();
await app.RunAsync();

public partial class Program;
