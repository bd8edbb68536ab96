using ProfilePlatform.Domain.Profile;
using ProfilePlatform.Domain.Profile.Storage;

namespace ProfilePlatform.Domain.Tests.Fakes;

/// <summary>Experience events in memory for one tenant, honouring <see cref="IExperienceEventStore"/>: keyed by
/// (dataset, <c>_id</c>) with the latest ingested copy kept, read in (timestamp to the millisecond, <c>_id</c>,
/// dataset) order.</summary>
public sealed class InMemoryExperienceEventStore : IExperienceEventStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string DatasetId, string EventId), ExperienceEvent> _events = [];

    public int AppendCalls { get; private set; }

    public IReadOnlyList<ExperienceEvent> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _events.Values];
            }
        }
    }

    public Task<int> AppendAsync(IReadOnlyList<ExperienceEvent> events, CancellationToken ct)
    {
        lock (_gate)
        {
            AppendCalls++;
            var keys = new HashSet<(string, string)>();
            foreach (var e in events)
            {
                keys.Add(e.DedupeKey);
                if (!_events.TryGetValue(e.DedupeKey, out var stored) || e.IngestedAt >= stored.IngestedAt)
                {
                    _events[e.DedupeKey] = e;
                }
            }

            return Task.FromResult(keys.Count);
        }
    }

    public Task<IReadOnlyList<ExperienceEvent>> FindAsync(ExperienceEventQuery query, CancellationToken ct)
    {
        lock (_gate)
        {
            var xids = query.PrimaryXids.ToHashSet(StringComparer.Ordinal);
            var from = query.From is { } f ? new ExperienceEventPosition(f, "", "").Timestamp : (DateTimeOffset?)null;
            var to = query.To is { } t ? new ExperienceEventPosition(t, "", "").Timestamp : (DateTimeOffset?)null;
            var selected = _events.Values
                .Where(e => xids.Contains(e.PrimaryIdentity.Xid))
                .Where(e => query.DatasetIds is null || query.DatasetIds.Contains(e.DatasetId, StringComparer.Ordinal))
                .Select(e => (Event: e, Position: ExperienceEventPosition.Of(e)))
                .Where(x => (from is null || x.Position.Timestamp >= from) && (to is null || x.Position.Timestamp < to))
                .Where(x => query.After is null || Compare(x.Position, query.After) * (query.Descending ? -1 : 1) > 0)
                .OrderBy(x => x.Position, Comparer<ExperienceEventPosition>.Create(Compare))
                .Select(x => x.Event)
                .ToList();
            if (query.Descending)
            {
                selected.Reverse();
            }

            return Task.FromResult<IReadOnlyList<ExperienceEvent>>([.. selected.Take(Math.Max(0, query.Limit))]);
        }
    }

    public Task<int> DeleteByIdentitiesAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct)
    {
        lock (_gate)
        {
            var keys = _events.Where(kv => primaryXids.Contains(kv.Value.PrimaryIdentity.Xid, StringComparer.Ordinal)).Select(kv => kv.Key).ToList();
            keys.ForEach(k => _events.Remove(k));
            return Task.FromResult(keys.Count);
        }
    }

    public Task<int> DeleteBatchAsync(string datasetId, string batchId, CancellationToken ct)
    {
        lock (_gate)
        {
            var keys = _events.Where(e => string.Equals(e.Key.DatasetId, datasetId, StringComparison.Ordinal) && string.Equals(e.Value.BatchId, batchId, StringComparison.Ordinal)).Select(e => e.Key).ToList();
            keys.ForEach(k => _events.Remove(k));
            return Task.FromResult(keys.Count);
        }
    }

    public Task<int> DeleteDatasetAsync(string datasetId, CancellationToken ct)
    {
        lock (_gate)
        {
            var keys = _events.Keys.Where(k => string.Equals(k.DatasetId, datasetId, StringComparison.Ordinal)).ToList();
            keys.ForEach(k => _events.Remove(k));
            return Task.FromResult(keys.Count);
        }
    }

    private static int Compare(ExperienceEventPosition? a, ExperienceEventPosition? b)
    {
        var byTime = a!.Timestamp.CompareTo(b!.Timestamp);
        if (byTime != 0)
        {
            return byTime;
        }

        var byId = string.CompareOrdinal(a.EventId, b.EventId);
        return byId != 0 ? byId : string.CompareOrdinal(a.DatasetId, b.DatasetId);
    }
}
