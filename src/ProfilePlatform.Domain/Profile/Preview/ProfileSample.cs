namespace ProfilePlatform.Domain.Profile.Preview;

/// <summary>The Profile store's counts, computed from every fragment and graph node: merged profiles are the fragments
/// grouped by identity graph (a fragment whose primary identity is in no graph is a profile of its own).</summary>
public sealed class ProfileSample
{
    private ProfileSample()
    {
    }

    /// <summary>Merged profiles (<c>totalRows</c>).</summary>
    public long Profiles { get; private init; }

    /// <summary>Profile fragments (<c>totalFragmentCount</c>).</summary>
    public long Fragments { get; private init; }

    /// <summary>Stored documents: record fragments plus events (<c>docCount</c>).</summary>
    public long Documents { get; private init; }

    /// <summary>The latest ingestion that reached Profile, if any.</summary>
    public (DateTimeOffset At, string BatchId)? LastIngestion { get; private init; }

    /// <summary>Merged profiles with a fragment of each dataset.</summary>
    public IReadOnlyDictionary<string, long> ProfilesByDataset { get; private init; } = new Dictionary<string, long>();

    /// <summary>Per namespace code: merged profiles holding an identity of it, and fragments whose primary identity is of it.</summary>
    public IReadOnlyDictionary<string, (long Profiles, long Fragments)> ByNamespace { get; private init; } = new Dictionary<string, (long, long)>();

    /// <summary>Reads the store once and counts.</summary>
    public static async Task<ProfileSample> TakeAsync(IProfileSampleSource source, CancellationToken ct)
    {
        var graphOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var graphNamespaces = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await foreach (var node in source.IdentitiesAsync(ct))
        {
            graphOf[node.Xid] = node.GraphId;
            if (!graphNamespaces.TryGetValue(node.GraphId, out var set))
            {
                graphNamespaces[node.GraphId] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(node.Namespace);
        }

        var profiles = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal); // profile key -> namespaces
        var byDataset = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal); // dataset -> profile keys
        var fragmentsByNamespace = new Dictionary<string, long>(StringComparer.Ordinal);
        long fragments = 0, documents = 0;
        (DateTimeOffset At, string BatchId)? last = null;
        await foreach (var fragment in source.FragmentsAsync(ct))
        {
            fragments++;
            documents += fragment.Documents;
            var key = graphOf.TryGetValue(fragment.PrimaryXid, out var graph) ? "g:" + graph : "x:" + fragment.PrimaryXid;
            if (!profiles.TryGetValue(key, out var namespaces))
            {
                profiles[key] = namespaces = graph is not null ? new HashSet<string>(graphNamespaces[graph], StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
            }

            namespaces.Add(fragment.PrimaryNamespace);
            if (!byDataset.TryGetValue(fragment.DatasetId, out var keys))
            {
                byDataset[fragment.DatasetId] = keys = new HashSet<string>(StringComparer.Ordinal);
            }

            keys.Add(key);
            fragmentsByNamespace[fragment.PrimaryNamespace] = fragmentsByNamespace.GetValueOrDefault(fragment.PrimaryNamespace) + 1;
            if (last is null || fragment.LastIngestedAt > last.Value.At)
            {
                last = (fragment.LastIngestedAt, fragment.LastBatchId);
            }
        }

        var profilesByNamespace = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var ns in profiles.Values.SelectMany(n => n))
        {
            profilesByNamespace[ns] = profilesByNamespace.GetValueOrDefault(ns) + 1;
        }

        return new ProfileSample
        {
            Profiles = profiles.Count,
            Fragments = fragments,
            Documents = documents,
            LastIngestion = last,
            ProfilesByDataset = byDataset.ToDictionary(d => d.Key, d => (long)d.Value.Count, StringComparer.Ordinal),
            ByNamespace = profilesByNamespace.Keys.Union(fragmentsByNamespace.Keys, StringComparer.Ordinal)
                .ToDictionary(ns => ns, ns => (profilesByNamespace.GetValueOrDefault(ns), fragmentsByNamespace.GetValueOrDefault(ns)), StringComparer.Ordinal),
        };
    }
}
