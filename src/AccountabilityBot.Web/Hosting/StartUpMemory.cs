namespace AccountabilityBot.Web.Hosting;

/// <summary>How the host keeps its idle memory close to what its stack needs (bench/memory.sh measures both).</summary>
public static class StartUpMemory
{
    /// <summary>
    /// Configuration files are read once, at start. Watching them for changes (the host's default) puts an inotify watch,
    /// and an object, on every folder under the working directory: 1,275 folders when started from a clone of this
    /// repository. A restart applies a change; an explicit --hostBuilder:reloadConfigOnChange=true still turns watching on.
    /// </summary>
    public static string[] WithoutConfigWatching(string[] args) => ["--hostBuilder:reloadConfigOnChange=false", .. args];

    /// <summary>
    /// Start-up leaves garbage (EF's model and first queries, the warm-up's copy of the schema) in a heap that an idle
    /// bot may not collect for hours. One compacting collection, once the host has started and the warm-up has
    /// finished, returns it to the operating system (bench/README.md has the figures), for one short pause before the
    /// first command. Hosting:StartUpCollection=false leaves it out, where one process holds many hosts (the tests):
    /// there each start's collection would stop every other host in the process.
    /// </summary>
    public static void CollectStartUpGarbage(this WebApplication app, Task warmUp, Action? collect = null)
    {
        if (!app.Configuration.IsOn(Switches.StartUpCollection, true)) return;
        collect ??= () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        app.Lifetime.ApplicationStarted.Register(() => warmUp.ContinueWith(_ => collect(), TaskScheduler.Default));
    }
}
