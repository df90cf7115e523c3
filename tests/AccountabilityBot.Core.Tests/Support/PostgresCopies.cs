using System.Collections.Concurrent;
using System.Threading.Channels;
using Npgsql;

namespace AccountabilityBot.Core.Tests.Support;

/// <summary>
/// Test databases copied from a template one ahead of the test that takes them, and dropped behind it: a copy and a
/// drop each take a good part of a second of the server's time, which the test would otherwise wait for hundreds of
/// times. What is left when the test process exits (the copies made ahead, drops still queued) goes then.
/// Shared by both test projects (linked into Web.Tests).
/// </summary>
public static class PostgresCopies
{
    static readonly ConcurrentDictionary<string, ConcurrentQueue<Task<string>>> Ahead = new();
    static readonly Channel<string> Drops = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    static readonly Lazy<Task> Dropper = new(() => Task.Run(DropQueuedAsync));
    static string Admin = "";

    static PostgresCopies() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropEverythingLeft();

    /// <summary>A new database copied from <paramref name="template"/>; its name. Another copy is started for the next test.</summary>
    public static string Take(string adminConnectionString, string template)
    {
        Admin = adminConnectionString;
        var ready = Ahead.GetOrAdd(template, _ => new ConcurrentQueue<Task<string>>());
        var copy = ready.TryDequeue(out var made) ? made : Task.Run(() => Copy(template));
        ready.Enqueue(Task.Run(() => Copy(template)));
        return copy.GetAwaiter().GetResult();
    }

    /// <summary>Drops the database later, off the test's path (FORCE: a pooled connection left behind must not keep it).</summary>
    public static void Drop(string database)
    {
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Admin) { Database = database }.ConnectionString))
            NpgsqlConnection.ClearPool(connection);
        if (Drops.Writer.TryWrite(database)) _ = Dropper.Value;
        else DropNow(database); // the process is ending: its queue is closed
    }

    static string Copy(string template)
    {
        var name = "abot_" + Guid.NewGuid().ToString("N");
        PostgresTemplate.Execute(Admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return name;
    }

    static async Task DropQueuedAsync()
    {
        await foreach (var database in Drops.Reader.ReadAllAsync()) DropNow(database);
    }

    static void DropNow(string database)
    {
        try { PostgresTemplate.Execute(Admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)"); }
        catch (NpgsqlException) { } // the server going away at the end of a run: its throwaway cluster goes with it
    }

    static void DropEverythingLeft()
    {
        Drops.Writer.TryComplete();
        if (Dropper.IsValueCreated) Dropper.Value.Wait(TimeSpan.FromSeconds(30));
        foreach (var copy in Ahead.Values.SelectMany(queue => queue))
            if (copy.Wait(TimeSpan.FromSeconds(10)) && copy.IsCompletedSuccessfully) DropNow(copy.Result);
    }
}
