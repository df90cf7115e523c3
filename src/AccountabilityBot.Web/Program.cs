using AccountabilityBot.Web.Charts;
using AccountabilityBot.Web.CustomerData;
using AccountabilityBot.Web.Dashboard;
using AccountabilityBot.Web.Hosting;
using AccountabilityBot.Web.Jobs;
using AccountabilityBot.Web.Local;
using AccountabilityBot.Web.Persistence;
using AccountabilityBot.Web.Slack;
using AccountabilityBot.Web.Teams;

if (ImportCommandLine.IsImport(args)) return await ImportCommandLine.RunAsync(args);
if (MoveCommandLine.IsMove(args)) return await MoveCommandLine.RunAsync(args);

// The slim builder leaves out what a chat bot has no use for (IIS, hosting-startup scanning, static web assets, HTTP/3),
// which keeps idle memory down (bench/README.md). HTTPS endpoints in the Kestrel section of the settings still work.
var builder = WebApplication.CreateSlimBuilder(AppFolder.Options(StartUpMemory.WithoutConfigWatching(DemoExtensions.WithDemoFlag(args))));
builder.WebHost.UseKestrelHttpsConfiguration();
builder.AddBotCore();
builder.AddShutdown();
builder.AddRequestInput();
builder.AddPersistence();
builder.AddLocalChannel();
builder.AddSlack();
builder.AddTeams();
builder.AddJobs();
builder.AddCustomerData();
builder.AddDashboard();
builder.AddCharts();
builder.AddMetricsExport();

var app = builder.Build();
if (!app.SettingsAreValid()) return SettingsCheck.ExitCode;
app.UseRequestInput(RequestBody.MaxBytes, "/api/v1/customer-events", DashboardSettingsExtensions.ImportPath);
app.MapMetricsExport();
// Three independent first uses, side by side on the 2 cores a small server has: EF and the database, Hangfire's
// storage, and the command path's warm-up (which waits for the database unless it is already up to date).
var database = Task.Run(app.PrepareDatabaseAsync);
var jobs = Task.Run(() => app.Services.GetRequiredService<HangfireCadenceScheduler>());
app.CollectStartUpGarbage(warmUp: app.WarmUpCommandPathInBackground(database));
await database;
await jobs;
await app.RunDemoAsync();
await app.ApplyStoredCadenceAsync();
app.ForgetLegacyJobArguments();

app.MapHealth();
app.MapLocalChannel();
app.MapSlack();
app.MapTeams();
app.MapDashboard();
app.MapJobsDashboard();
app.MapCustomerData();
app.MapCharts();
await app.RunAsync();
return 0;

public partial class Program;
