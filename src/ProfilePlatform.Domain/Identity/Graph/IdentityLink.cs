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
        var same = Sources.FirstOrDefault(s => SameOrigin(s, source));
        var kept = same is not null && same.At >= source.At ? same : source;
        var sources = Sources
            .Where(s => !SameOrigin(s, source))
            .Append(kept)
            .OrderBy(s => s.DatasetId, StringComparer.Ordinal)
            .ThenBy(s => s.BatchId, StringComparer.Ordinal)
            .ToList();
        return this with
        {
            FirstEstablished = source.At < FirstEstablished ? source.At : FirstEstablished,
            LastEstablished = source.At > LastEstablished ? source.At : LastEstablished,
            Sources = sources,
        };
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
