namespace ProfilePlatform.Domain.Profile.Preview;

/// <summary>What the Profile store holds, read for the preview sample status and its reports: one entry per profile fragment
/// and the identity graph's nodes, of the current organization and sandbox.</summary>
public interface IProfileSampleSource
{
    /// <summary>One entry per fragment: a record dataset's fragment, or a dataset's events of one primary identity (AEP counts
    /// a profile's event data of a dataset as one fragment).</summary>
    IAsyncEnumerable<SampledFragment> FragmentsAsync(CancellationToken ct);

    /// <summary>Every node of every identity graph: its XID, namespace code and graph.</summary>
    IAsyncEnumerable<SampledIdentity> IdentitiesAsync(CancellationToken ct);
}

/// <summary>A fragment as sampled.</summary>
/// <param name="DatasetId">Its dataset.</param>
/// <param name="PrimaryXid">The XID of its primary identity.</param>
/// <param name="PrimaryNamespace">The namespace code of its primary identity.</param>
/// <param name="Documents">Stored documents: 1 for a record fragment, the number of events for event data.</param>
/// <param name="LastIngestedAt">When the latest of them was ingested.</param>
/// <param name="LastBatchId">The batch that ingested it.</param>
public sealed record SampledFragment(string DatasetId, string PrimaryXid, string PrimaryNamespace, long Documents, DateTimeOffset LastIngestedAt, string LastBatchId);

/// <summary>An identity graph node as sampled.</summary>
public sealed record SampledIdentity(string Xid, string Namespace, string GraphId);
