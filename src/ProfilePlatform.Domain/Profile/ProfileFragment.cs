using System.Text;
using System.Text.Json;
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
/// The record is kept as it arrived — UTF-8 JSON — until something needs it as an object: a fragment created from one
/// record and stored as it is never builds a JSON object model (ingestion's common case); a merge parses it.
/// </remarks>
public sealed class ProfileFragment
{
    /// <summary>The record as an object, owned by this fragment (never handed out); null when the fragment was made
    /// from JSON text, which is parsed afresh whenever an object is needed.</summary>
    private readonly JsonObject? _record;

    /// <summary>The record as UTF-8 JSON, when the fragment was made from JSON text (never changed afterwards).</summary>
    private readonly ReadOnlyMemory<byte>? _utf8;

    private DateTimeOffset? _lastUpdated;
    private bool _lastUpdatedKnown;

    private ProfileFragment(
        string datasetId,
        string batchId,
        CompositeIdentity primaryIdentity,
        IReadOnlyList<CompositeIdentity> identities,
        JsonObject? record,
        ReadOnlyMemory<byte>? utf8,
        DateTimeOffset ingestedAt)
    {
        DatasetId = datasetId;
        BatchId = batchId;
        PrimaryIdentity = primaryIdentity;
        Identities = identities;
        _record = record;
        _utf8 = utf8;
        IngestedAt = ingestedAt;
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
    public DateTimeOffset? LastUpdated
    {
        get
        {
            if (!_lastUpdatedKnown)
            {
                _lastUpdated = _record is { } record ? ExternalSourceAudit.LastUpdatedDate(record) : ExternalSourceAudit.LastUpdatedDate(_utf8!.Value);
                _lastUpdatedKnown = true;
            }

            return _lastUpdated;
        }
    }

    /// <summary>The time <c>timestampOrdered</c> compares: the record's own last-update date when present, else the
    /// ingestion time ("If xdm:lastUpdatedDate is not present, or not populated, Platform will continue to use the
    /// system timestamp").</summary>
    public DateTimeOffset EffectiveTimestamp => LastUpdated ?? IngestedAt;

    /// <summary>A copy of the merged record data.</summary>
    public JsonObject Record => _record is { } record ? (JsonObject)record.DeepClone() : Parse(_utf8!.Value);

    /// <summary>The stored JSON of the record, for persistence.</summary>
    public string RecordJson => _utf8 is { } utf8 ? Encoding.UTF8.GetString(utf8.Span) : _record!.ToJsonString();

    /// <summary>The stored JSON of the record as UTF-8 (the same text as <see cref="RecordJson"/>): for stores that write
    /// bytes, and free when the fragment came from one record's JSON.</summary>
    public ReadOnlyMemory<byte> RecordUtf8 => _utf8 ?? JsonSerializer.SerializeToUtf8Bytes(_record!);

    /// <summary>A fragment from a record (or rebuilt from storage); <paramref name="identities"/> need not repeat the
    /// primary identity, which is always listed first.</summary>
    public static ProfileFragment Create(
        string datasetId,
        string batchId,
        CompositeIdentity primaryIdentity,
        IEnumerable<CompositeIdentity> identities,
        JsonObject record,
        DateTimeOffset ingestedAt) =>
        FromStored(datasetId, batchId, primaryIdentity, identities, (JsonObject)record.DeepClone(), ingestedAt);

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
        return new ProfileFragment(datasetId, batchId, primaryIdentity, WithPrimaryFirst(primaryIdentity, identities), record, null, ingestedAt);
    }

    /// <summary>A fragment from a record given as UTF-8 JSON text (an object), or rebuilt from the text a store keeps:
    /// the text is kept as it is and parsed only when the record is needed as an object. The caller must not change the
    /// bytes afterwards.</summary>
    public static ProfileFragment FromJson(
        string datasetId,
        string batchId,
        CompositeIdentity primaryIdentity,
        IEnumerable<CompositeIdentity> identities,
        ReadOnlyMemory<byte> record,
        DateTimeOffset ingestedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetId);
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        return new ProfileFragment(datasetId, batchId, primaryIdentity, WithPrimaryFirst(primaryIdentity, identities), null, record, ingestedAt);
    }

    /// <summary><see cref="FromJson(string, string, CompositeIdentity, IEnumerable{CompositeIdentity}, ReadOnlyMemory{byte}, DateTimeOffset)"/>
    /// for the JSON text a store keeps.</summary>
    public static ProfileFragment FromJson(
        string datasetId,
        string batchId,
        CompositeIdentity primaryIdentity,
        IEnumerable<CompositeIdentity> identities,
        string record,
        DateTimeOffset ingestedAt) =>
        FromJson(datasetId, batchId, primaryIdentity, identities, Encoding.UTF8.GetBytes(record), ingestedAt);

    /// <summary>A fragment from a record's UTF-8 JSON whose <c>lastUpdatedDate</c> the caller has already read.</summary>
    internal static ProfileFragment FromJson(
        string datasetId,
        string batchId,
        CompositeIdentity primaryIdentity,
        IEnumerable<CompositeIdentity> identities,
        ReadOnlyMemory<byte> record,
        DateTimeOffset? lastUpdated,
        DateTimeOffset ingestedAt)
    {
        var fragment = FromJson(datasetId, batchId, primaryIdentity, identities, record, ingestedAt);
        fragment._lastUpdated = lastUpdated;
        fragment._lastUpdatedKnown = true;
        return fragment;
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
            _record is { } older ? RecordMerge.Apply(older, record) : RecordMerge.ApplyInPlace(Parse(_utf8!.Value), record),
            null,
            ingestedAt > IngestedAt ? ingestedAt : IngestedAt);
    }

    private static JsonObject Parse(ReadOnlyMemory<byte> utf8) =>
        JsonNode.Parse(utf8.Span) as JsonObject ?? throw new InvalidOperationException("A fragment's record must be a JSON object.");

    private static List<CompositeIdentity> WithPrimaryFirst(CompositeIdentity primaryIdentity, IEnumerable<CompositeIdentity> identities)
    {
        var result = new List<CompositeIdentity>(4) { primaryIdentity };
        foreach (var identity in identities)
        {
            if (!result.Contains(identity))
            {
                result.Add(identity);
            }
        }

        return result;
    }
}
