namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>Persistence of the identity graphs of the current organization and sandbox (tenant-scoped like every
/// store). The graph logic is <see cref="IdentityGraph"/>; the store only loads complete graphs and writes changes,
/// atomically and without losing a concurrent writer's work. docs/identity-graph.md describes the PostgreSQL locking
/// an implementation should use; <see cref="InMemoryIdentityGraphStore"/> is the reference implementation.</summary>
public interface IIdentityGraphStore
{
    /// <summary>A consistent snapshot of the complete graphs <paramref name="scope"/> touches, for reads. Identities of
    /// the scope that are in no graph are simply absent.</summary>
    Task<IdentityGraphState> LoadAsync(IdentityGraphScope scope, CancellationToken ct);

    /// <summary>Ids of the graphs that hold at least one link established by <paramref name="datasetId"/>.</summary>
    Task<IReadOnlyList<string>> GraphIdsLinkedByDatasetAsync(string datasetId, CancellationToken ct);

    /// <summary>The stored identities with these XIDs (an XID is a hash, so only the store can say whose it is); XIDs
    /// of identities in no graph are simply absent.</summary>
    Task<IReadOnlyList<CompositeIdentity>> FindByXidsAsync(IReadOnlyCollection<string> xids, CancellationToken ct);

    /// <summary>The clusters the identities with these XIDs were assigned over time, whether or not they are still in
    /// a graph (an identity a full graph evicted keeps its history). Every write records the nodes that joined a cluster
    /// (<see cref="IdentityGraphChanges.ClusterAssignments"/>) with the time of the write.</summary>
    Task<IReadOnlyList<ClusterHistoryEntry>> ClusterHistoryAsync(IReadOnlyCollection<string> xids, CancellationToken ct);

    /// <summary>Read-modify-write of the graphs <paramref name="scope"/> touches, as one atomic step: load them whole,
    /// call <paramref name="mutate"/>, write the changes it returns. No other writer may change those graphs (or
    /// create a node for an identity of the scope) between the load and the write; an implementation either locks
    /// first or detects the conflict and runs <paramref name="mutate"/> again on fresh state — so
    /// <paramref name="mutate"/> must be a pure function of its argument.</summary>
    Task<T> MutateAsync<T>(IdentityGraphScope scope, Func<IdentityGraphState, IdentityGraphMutation<T>> mutate, CancellationToken ct);
}
