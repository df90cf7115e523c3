using AccountabilityBot.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace AccountabilityBot.Web.Tests.Hosting;

public sealed class StartUpMemoryTests
{
    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--hostBuilder:reloadConfigOnChange=true" }, true)]
    public void ConfigurationFiles_AreReadOnce_UnlessWatchingIsAskedFor(string[] args, bool watched)
    {
        var root = Directory.CreateTempSubdirectory("abot-config").FullName;
        File.WriteAllText(Path.Combine(root, "appsettings.json"), """{ "Bot": { "DefaultTimeZone": "Europe/Paris" } }""");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = StartUpMemory.WithoutConfigWatching(args), ContentRootPath = root });

        var files = ((IConfigurationRoot)builder.Configuration).Providers.OfType<JsonConfigurationProvider>().ToList();
        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.Equal(watched, f.Source.ReloadOnChange));
        Assert.Equal("Europe/Paris", builder.Configuration["Bot:DefaultTimeZone"]);
    }

    [Fact]
    public async Task StartUpGarbage_IsCollectedOnce_AfterTheHostHasStartedAndTheWarmUpHasFinished()
    {
        await using var app = NewApp();
        var warmUp = new TaskCompletionSource();
        var collected = new TaskCompletionSource();
        var collections = 0;
        app.CollectStartUpGarbage(warmUp.Task, () => { Interlocked.Increment(ref collections); collected.TrySetResult(); });

        await app.StartAsync();
        await Task.Delay(100);
        Assert.Equal(0, collections); // started, but the warm-up still runs

        warmUp.SetResult();
        await collected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await app.StopAsync();
        Assert.Equal(1, collections);
    }

    [Fact]
    public async Task StartUpGarbage_WaitsForTheHostToStart_WhenTheWarmUpFinishesFirst()
    {
        await using var app = NewApp();
        var collected = new TaskCompletionSource();
        app.CollectStartUpGarbage(Task.CompletedTask, () => collected.TrySetResult());

        await Task.Delay(100);
        Assert.False(collected.Task.IsCompleted);

        await app.StartAsync();
        await collected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await app.StopAsync();
    }

    [Fact]
    public async Task StartUpGarbage_SwitchedOff_IsLeftToTheRuntime()
    {
        await using var app = NewApp(new() { ["Hosting:StartUpCollection"] = "false" });
        var collections = 0;
        app.CollectStartUpGarbage(Task.CompletedTask, () => Interlocked.Increment(ref collections));

        await app.StartAsync();
        await Task.Delay(300); // what the collection, switched on, takes well under (the two tests above)
        await app.StopAsync();
        Assert.Equal(0, collections);
    }

    static WebApplication NewApp(Dictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        return builder.Build();
    }
}
