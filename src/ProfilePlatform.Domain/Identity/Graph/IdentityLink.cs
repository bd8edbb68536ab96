namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>An edge of an identity graph: two identities seen in the same record, when that first and last happened,
/// and every (dataset, batch) that established it (AEP's v2 graph API edge: <c>first_established_ts</c>,
/// <c>last_established_ts</c>, <c>dataset_ids</c>, <c>batch_ids</c>).</summary>
public sealed record IdentityLink(IdentityLinkKey Key, DateTimeOffset FirstEstablished, DateTimeOffset LastEstablished, IReadOnlyList<LinkSource> Sources)
{
    /// <summary>The distinct datasets that support the link.</summary>
    public IEnumerable<string> DatasetIds => Sources.Select(s => s.DatasetId).Distinct(StringComparer.Ordinal);

    public bool Equals(IdentityLink? other) =>
        other is not null
        && Key.Equals(other.Key)
        && FirstEstablished == other.FirstEstablished
        && LastEstablished == other.LastEstablished
        && Sources.SequenceEqual(other.Sources);

    public override int GetHashCode() => HashCode.Combine(Key, FirstEstablished, LastEstablished, Sources.Count);

    /// <summary>The link established again by <paramref name="source"/>: its (dataset, batch) entry is added or
    /// refreshed and <see cref="LastEstablished"/> moves forward.</summary>
    public IdentityLink EstablishedBy(LinkSource source)
    {
        LinkSource? same = null;
        var sources = new List<LinkSource>(Sources.Count + 1);
        foreach (var s in Sources)
        {
            if (SameOrigin(s, source))
            {
                same ??= s;
            }
            else
            {
                sources.Add(s);
            }
        }

        var kept = same is not null && same.At >= source.At ? same : source;
        var first = source.At < FirstEstablished ? source.At : FirstEstablished;
        var last = source.At > LastEstablished ? source.At : LastEstablished;
        if (ReferenceEquals(kept, same) && sources.Count == Sources.Count - 1 && first == FirstEstablished && last == LastEstablished && IsOrdered(Sources))
        {
            return this; // established again by a batch it already names, no later: nothing changes
        }

        // Ordered by (dataset, batch), stable like the sort it replaces: a handful of sources, inserted in place.
        var at = sources.Count;
        while (at > 0 && CompareOrigin(sources[at - 1], kept) > 0)
        {
            at--;
        }

        sources.Insert(at, kept);
        if (!IsOrdered(sources))
        {
            sources = [.. sources.OrderBy(s => s.DatasetId, StringComparer.Ordinal).ThenBy(s => s.BatchId, StringComparer.Ordinal)];
        }

        return this with
        {
            FirstEstablished = first,
            LastEstablished = last,
            Sources = sources,
        };
    }

    private static int CompareOrigin(LinkSource a, LinkSource b)
    {
        var byDataset = string.CompareOrdinal(a.DatasetId, b.DatasetId);
        return byDataset != 0 ? byDataset : string.CompareOrdinal(a.BatchId, b.BatchId);
    }

    private static bool IsOrdered(IReadOnlyList<LinkSource> sources)
    {
        for (var i = 1; i < sources.Count; i++)
        {
            if (CompareOrigin(sources[i - 1], sources[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The link without the sources <paramref name="drop"/> selects, or null when none remains.</summary>
    public IdentityLink? Without(Func<LinkSource, bool> drop)
    {
        var remaining = Sources.Where(s => !drop(s)).ToList();
        if (remaining.Count == Sources.Count)
        {
            return this;
        }

        return remaining.Count == 0 ? null : this with { Sources = remaining, LastEstablished = remaining.Max(s => s.At) };
    }

    private static bool SameOrigin(LinkSource a, LinkSource b) =>
        string.Equals(a.DatasetId, b.DatasetId, StringComparison.Ordinal) && string.Equals(a.BatchId, b.BatchId, StringComparison.Ordinal);

    /// <summary>A link first established by <paramref name="source"/>.</summary>
    public static IdentityLink Establish(IdentityLinkKey key, LinkSource source) => new(key, source.At, source.At, [source]);
}
