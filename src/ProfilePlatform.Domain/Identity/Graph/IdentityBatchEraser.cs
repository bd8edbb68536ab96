using ProfilePlatform.Domain.Catalog;

namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>Reverting a batch removes the identity links only that batch established (docs/identity-graph.md,
/// <see cref="IdentityGraph.RemoveBatch"/>): links other batches also support stay, identities left without links go.</summary>
public sealed class IdentityBatchEraser(IdentityGraphService graph) : IBatchDataEraser
{
    public Task EraseAsync(Batch batch, DateTimeOffset now, CancellationToken ct) => graph.RemoveBatchAsync(batch.DataSetId, batch.Id, ct);
}
