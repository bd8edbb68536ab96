namespace ProfilePlatform.Domain.Profile.Storage;

/// <summary>Profile fragments of the current organization and sandbox (tenant-scoped like every store): one per
/// (dataset, primary identity), found by the primary identity's XID.</summary>
public interface IProfileFragmentStore
{
    /// <summary>Applies each write to the fragment of its (dataset, primary identity), in list order, with
    /// <see cref="ProfileFragmentWrite.ApplyTo"/> — a new fragment when none is stored, else the attribute-level upsert.
    /// Atomic, and safe against concurrent writers of the same key: no update is lost.</summary>
    /// <returns>The fragments as stored afterwards, one per distinct key.</returns>
    Task<IReadOnlyList<ProfileFragment>> UpsertAsync(IReadOnlyList<ProfileFragmentWrite> writes, CancellationToken ct);

    /// <summary>Every fragment stored against one of <paramref name="primaryXids"/>, whatever its dataset (what a
    /// profile lookup merges), ordered by dataset then XID.</summary>
    Task<IReadOnlyList<ProfileFragment>> FindByIdentitiesAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct);

    /// <summary>Deletes every fragment stored against one of <paramref name="primaryXids"/>, whatever its dataset (the
    /// entities API's DELETE).</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> DeleteByIdentitiesAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct);

    /// <summary>Deletes the dataset's fragments (dataset deletion).</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> DeleteDatasetAsync(string datasetId, CancellationToken ct);
}
