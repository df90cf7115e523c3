using AccountabilityBot.Core.Domain;

namespace AccountabilityBot.Core.Messaging;

/// <summary>Re-registers the scheduled jobs when the CCO changes the cadence.</summary>
public interface ICadenceScheduler
{
    /// <summary>The cadence kinds this host has jobs for.</summary>
    IReadOnlySet<string> SupportedKinds { get; }

    /// <summary>Registers, updates or removes the recurring jobs to match <paramref name="cadence"/> (the whole stored cadence).</summary>
    Task ApplyAsync(IReadOnlyList<CadenceSetting> cadence, CancellationToken ct);

    /// <summary>Queues the kind's job to run now, once.</summary>
    Task RunNowAsync(string kind, CancellationToken ct);
}
