using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Profile;
using ProfilePlatform.Domain.Profile.Storage;

namespace ProfilePlatform.Bench.ProfileStore;

/// <summary>With BENCH_PROFILE=1: where the time goes, per store call (cumulative), printed after each store's rows.</summary>
internal static class Timing
{
    public static readonly ConcurrentDictionary<string, (long Ticks, long Calls)> Totals = new();

    public static bool Enabled => Environment.GetEnvironmentVariable("BENCH_PROFILE") == "1";

    public static async Task<T> TimeAsync<T>(string name, Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return await work();
        }
        finally
        {
            Totals.AddOrUpdate(name, (clock.ElapsedTicks, 1), (_, t) => (t.Ticks + clock.ElapsedTicks, t.Calls + 1));
        }
    }

    public static void Print()
    {
        foreach (var (name, (ticks, calls)) in Totals.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {name}: {ticks * 1000.0 / Stopwatch.Frequency:F0} ms in {calls} calls");
        }

        Totals.Clear();
    }

    /// <summary>Wraps the registered stores with timing decorators.</summary>
    public static void Decorate(IServiceCollection services)
    {
        Wrap<IIdentityGraphStore>(services, inner => new TimedGraphStore(inner));
        Wrap<IProfileFragmentStore>(services, inner => new TimedFragmentStore(inner));
        Wrap<IExperienceEventStore>(services, inner => new TimedEventStore(inner));
    }

    private static void Wrap<T>(IServiceCollection services, Func<T, T> decorate)
        where T : class
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(T));
        var type = descriptor.ImplementationType!;
        services.AddScoped(sp => decorate((T)ActivatorUtilities.CreateInstance(sp, type)));
    }

    private sealed class TimedGraphStore(IIdentityGraphStore inner) : IIdentityGraphStore
    {
        public Task<IdentityGraphState> LoadAsync(IdentityGraphScope scope, CancellationToken ct) => TimeAsync("graph.Load", () => inner.LoadAsync(scope, ct));

        public Task<IReadOnlyList<string>> GraphIdsLinkedByDatasetAsync(string datasetId, CancellationToken ct) => inner.GraphIdsLinkedByDatasetAsync(datasetId, ct);

        public Task<IReadOnlyList<CompositeIdentity>> FindByXidsAsync(IReadOnlyCollection<string> xids, CancellationToken ct) => inner.FindByXidsAsync(xids, ct);

        public Task<IReadOnlyList<ClusterHistoryEntry>> ClusterHistoryAsync(IReadOnlyCollection<string> xids, CancellationToken ct) => inner.ClusterHistoryAsync(xids, ct);

        public Task<T> MutateAsync<T>(IdentityGraphScope scope, Func<IdentityGraphState, IdentityGraphMutation<T>> mutate, CancellationToken ct) =>
            TimeAsync("graph.Mutate (total)", () => inner.MutateAsync(scope, state =>
            {
                var clock = Stopwatch.StartNew();
                var result = mutate(state);
                Totals.AddOrUpdate("graph.Mutate: pure mutate", (clock.ElapsedTicks, 1), (_, t) => (t.Ticks + clock.ElapsedTicks, t.Calls + 1));
                return result;
            }, ct));
    }

    private sealed class TimedFragmentStore(IProfileFragmentStore inner) : IProfileFragmentStore
    {
        public Task<IReadOnlyList<ProfileFragment>> UpsertAsync(IReadOnlyList<ProfileFragmentWrite> writes, CancellationToken ct) => TimeAsync("fragments.Upsert", () => inner.UpsertAsync(writes, ct));

        public Task<IReadOnlyList<ProfileFragment>> FindByIdentitiesAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct) => inner.FindByIdentitiesAsync(primaryXids, ct);

        public Task<int> DeleteByIdentitiesAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct) => inner.DeleteByIdentitiesAsync(primaryXids, ct);

        public Task<int> DeleteDatasetAsync(string datasetId, CancellationToken ct) => inner.DeleteDatasetAsync(datasetId, ct);
    }

    private sealed class TimedEventStore(IExperienceEventStore inner) : IExperienceEventStore
    {
        public Task<int> AppendAsync(IReadOnlyList<ExperienceEvent> events, CancellationToken ct) => TimeAsync("events.Append", () => inner.AppendAsync(events, ct));

        public Task<IReadOnlyList<ExperienceEvent>> FindAsync(ExperienceEventQuery query, CancellationToken ct) => inner.FindAsync(query, ct);

        public Task<int> DeleteByIdentitiesAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct) => inner.DeleteByIdentitiesAsync(primaryXids, ct);

        public Task<int> DeleteDatasetAsync(string datasetId, CancellationToken ct) => inner.DeleteDatasetAsync(datasetId, ct);

        public Task<int> DeleteBatchAsync(string datasetId, string batchId, CancellationToken ct) => inner.DeleteBatchAsync(datasetId, batchId, ct);
    }
}
