using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Identity.Graph;

namespace ProfilePlatform.Domain.Profile.Storage;

/// <summary>Deleting a dataset removes what Identity Service and Profile built from it: the identity links it
/// established (graphs split or vanish, help/identity-service/features/deletion.md), its fragments and its events.
/// Runs inside the dataset deletion's transaction (<see cref="IDatasetStore.DeleteAsync"/>).</summary>
public sealed class ProfileDatasetEraser(IdentityGraphService graph, IProfileFragmentStore fragments, IExperienceEventStore events) : IDatasetDataEraser
{
    public async Task EraseAsync(Dataset dataset, DateTimeOffset now, CancellationToken ct)
    {
        await graph.RemoveDatasetAsync(dataset.Id, ct);
        await fragments.DeleteDatasetAsync(dataset.Id, ct);
        await events.DeleteDatasetAsync(dataset.Id, ct);
    }
}
