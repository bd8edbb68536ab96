using ProfilePlatform.Domain.Profile;
using ProfilePlatform.Domain.Profile.Storage;

namespace ProfilePlatform.Domain.Tests.Fakes;

/// <summary>Profile fragments in memory for one tenant, honouring <see cref="IProfileFragmentStore"/>: writes applied
/// in order through <see cref="ProfileFragmentWrite.ApplyTo"/>, atomically.</summary>
public sealed class InMemoryProfileFragmentStore : IProfileFragmentStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string DatasetId, string Xid), ProfileFragment> _fragments = [];

    /// <summary>How many times <see cref="UpsertAsync"/> was called.</summary>
    public int UpsertCalls { get; private set; }

    public IReadOnlyList<ProfileFragment> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _fragments.Values];
            }
        }
    }

    public Task<IReadOnlyList<ProfileFragment>> UpsertAsync(IReadOnlyList<ProfileFragmentWrite> writes, CancellationToken ct)
    {
        lock (_gate)
        {
            UpsertCalls++;
            var touched = new Dictionary<(string, string), ProfileFragment>();
            foreach (var write in writes)
            {
                var key = (write.DatasetId, write.PrimaryIdentity.Xid);
                _fragments[key] = touched[key] = write.ApplyTo(_fragments.GetValueOrDefault(key));
            }

            return Task.FromResult<IReadOnlyList<ProfileFragment>>([.. touched.Values]);
        }
    }

    public Task<IReadOnlyList<ProfileFragment>> FindByIdentitiesAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct)
    {
        lock (_gate)
        {
            var wanted = primaryXids.ToHashSet(StringComparer.Ordinal);
            return Task.FromResult<IReadOnlyList<ProfileFragment>>([.. _fragments
                .Where(kv => wanted.Contains(kv.Key.Xid))
                .OrderBy(kv => kv.Key.DatasetId, StringComparer.Ordinal)
                .ThenBy(kv => kv.Key.Xid, StringComparer.Ordinal)
                .Select(kv => kv.Value)]);
        }
    }

    public Task<int> DeleteByIdentitiesAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct)
    {
        lock (_gate)
        {
            var keys = _fragments.Keys.Where(k => primaryXids.Contains(k.Xid, StringComparer.Ordinal)).ToList();
            keys.ForEach(k => _fragments.Remove(k));
            return Task.FromResult(keys.Count);
        }
    }

    public Task<int> DeleteDatasetAsync(string datasetId, CancellationToken ct)
    {
        lock (_gate)
        {
            var keys = _fragments.Keys.Where(k => string.Equals(k.DatasetId, datasetId, StringComparison.Ordinal)).ToList();
            keys.ForEach(k => _fragments.Remove(k));
            return Task.FromResult(keys.Count);
        }
    }
}
