using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Profile.Storage;

/// <summary>One accepted record for the fragment of (<see cref="DatasetId"/>, <see cref="PrimaryIdentity"/>): what
/// <see cref="IProfileFragmentStore.UpsertAsync"/> applies.</summary>
/// <param name="DatasetId">The record dataset.</param>
/// <param name="BatchId">The record's batch.</param>
/// <param name="PrimaryIdentity">The record's primary identity, the fragment's key.</param>
/// <param name="Identities">Every identity of the record.</param>
/// <param name="Record">The record's data.</param>
/// <param name="IngestedAt">The ingestion (system) time.</param>
public sealed record ProfileFragmentWrite(
    string DatasetId,
    string BatchId,
    CompositeIdentity PrimaryIdentity,
    IReadOnlyList<CompositeIdentity> Identities,
    JsonObject Record,
    DateTimeOffset IngestedAt)
{
    /// <summary>The key the fragment is stored under.</summary>
    public (string DatasetId, CompositeIdentity PrimaryIdentity) Key => (DatasetId, PrimaryIdentity);

    /// <summary>The fragment after this write: <see cref="ProfileFragment.Create"/> when <paramref name="existing"/>
    /// is null, else <see cref="ProfileFragment.Upsert"/> (field-by-field update; the later ingestion wins within a
    /// dataset). Every store applies writes through this, so the upsert rule lives in one place.</summary>
    public ProfileFragment ApplyTo(ProfileFragment? existing)
    {
        if (existing is null)
        {
            return ProfileFragment.Create(DatasetId, BatchId, PrimaryIdentity, Identities, Record, IngestedAt);
        }

        if (!string.Equals(existing.DatasetId, DatasetId, StringComparison.Ordinal) || !existing.PrimaryIdentity.Equals(PrimaryIdentity))
        {
            throw new ArgumentException($"Fragment {existing.DatasetId}/{existing.PrimaryIdentity} is not the fragment of {DatasetId}/{PrimaryIdentity}.", nameof(existing));
        }

        return existing.Upsert(BatchId, Identities, Record, IngestedAt);
    }
}
