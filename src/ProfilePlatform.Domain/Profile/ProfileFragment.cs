using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Profile;

/// <summary>What Profile stores for one primary identity in one record dataset: the record data, merged field by field
/// as newer records for the same primary identity arrive, and where and when it came from.</summary>
/// <remarks>
/// Key: (<see cref="DatasetId"/>, <see cref="PrimaryIdentity"/>) — "a record's fragment is stored against its primary
/// identity", one per dataset. A newer record for the same key is applied with <see cref="RecordMerge.Apply"/> (the
/// attribute-level upsert); within one dataset the later ingestion always wins, whatever
/// <c>extSourceSystemAudit.lastUpdatedDate</c> says ("If the records are ingested using the same dataset, the default
/// replacement behavior occurs", help/profile/api/merge-policies.md).
/// </remarks>
public sealed class ProfileFragment
{
    private readonly JsonObject _record;

    private ProfileFragment(
        string datasetId,
        string batchId,
        CompositeIdentity primaryIdentity,
        IReadOnlyList<CompositeIdentity> identities,
        JsonObject record,
        DateTimeOffset ingestedAt)
    {
        DatasetId = datasetId;
        BatchId = batchId;
        PrimaryIdentity = primaryIdentity;
        Identities = identities;
        _record = record;
        IngestedAt = ingestedAt;
        LastUpdated = ExternalSourceAudit.LastUpdatedDate(record);
    }

    /// <summary>The record dataset the fragment belongs to.</summary>
    public string DatasetId { get; }

    /// <summary>The batch of the last record applied.</summary>
    public string BatchId { get; }

    /// <summary>The primary identity the fragment is stored against.</summary>
    public CompositeIdentity PrimaryIdentity { get; }

    /// <summary>Every identity the fragment's records carried (primary first), never shrinking.</summary>
    public IReadOnlyList<CompositeIdentity> Identities { get; }

    /// <summary>The system timestamp of the last record applied (ingestion time).</summary>
    public DateTimeOffset IngestedAt { get; }

    /// <summary>The record's own <c>extSourceSystemAudit.lastUpdatedDate</c>, if it carries one.</summary>
    public DateTimeOffset? LastUpdated { get; }

    /// <summary>The time <c>timestampOrdered</c> compares: the record's own last-update date when present, else the
    /// ingestion time ("If xdm:lastUpdatedDate is not present, or not populated, Platform will continue to use the
    /// system timestamp").</summary>
    public DateTimeOffset EffectiveTimestamp => LastUpdated ?? IngestedAt;

    /// <summary>A copy of the merged record data.</summary>
    public JsonObject Record => (JsonObject)_record.DeepClone();

    /// <summary>The stored JSON of the record, for persistence.</summary>
    public string RecordJson => _record.ToJsonString();

    /// <summary>A fragment from a record (or rebuilt from storage); <paramref name="identities"/> need not repeat the
    /// primary identity, which is always listed first.</summary>
    public static ProfileFragment Create(
        string datasetId,
        string batchId,
        CompositeIdentity primaryIdentity,
        IEnumerable<CompositeIdentity> identities,
        JsonObject record,
        DateTimeOffset ingestedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetId);
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        return new ProfileFragment(
            datasetId,
            batchId,
            primaryIdentity,
            [.. new[] { primaryIdentity }.Concat(identities).Distinct()],
            (JsonObject)record.DeepClone(),
            ingestedAt);
    }

    /// <summary><see cref="Create"/> for a store that parsed <paramref name="record"/> for this fragment alone: the
    /// fragment keeps that object instead of a copy (the lookup path reads every fragment once per request).</summary>
    public static ProfileFragment FromStored(
        string datasetId,
        string batchId,
        CompositeIdentity primaryIdentity,
        IEnumerable<CompositeIdentity> identities,
        JsonObject record,
        DateTimeOffset ingestedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetId);
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        return new ProfileFragment(datasetId, batchId, primaryIdentity, [.. new[] { primaryIdentity }.Concat(identities).Distinct()], record, ingestedAt);
    }

    /// <summary>The fragment after a newer record for the same dataset and primary identity: fields merged as
    /// <see cref="RecordMerge.Apply"/> says, identities united, batch and ingestion time from the newer record.</summary>
    public ProfileFragment Upsert(string batchId, IEnumerable<CompositeIdentity> identities, JsonObject record, DateTimeOffset ingestedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        return new ProfileFragment(
            DatasetId,
            batchId,
            PrimaryIdentity,
            [.. Identities.Concat(identities).Distinct()],
            RecordMerge.Apply(_record, record),
            ingestedAt > IngestedAt ? ingestedAt : IngestedAt);
    }

    /// <summary>Applies this fragment's data into <paramref name="target"/>, which the caller owns.</summary>
    internal void ApplyInto(JsonObject target) => RecordMerge.ApplyInto(target, _record);
}
