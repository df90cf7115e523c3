using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHangfire(c => c.UseSQLiteStorage("/tmp/smoke-hf.db"));
builder.Services.AddHangfireServer();
var app = builder.Build();
using (var c = new SqliteConnection("Data Source=/tmp/smoke-ef.db")) { c.Open(); using var cmd = c.CreateCommand(); cmd.CommandText = "select sqlite_version()"; Console.WriteLine("EF sqlite " + cmd.ExecuteScalar()); }
app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => Console.WriteLine("HANGFIRE JOB RAN"));
app.MapGet("/healthz", () => "ok");
app.Run();
public partial class Program;
