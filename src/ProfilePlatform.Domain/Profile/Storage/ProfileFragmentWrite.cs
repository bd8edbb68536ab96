using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Profile.Storage;

/// <summary>One accepted record for the fragment of (<see cref="DatasetId"/>, <see cref="PrimaryIdentity"/>): what
/// <see cref="IProfileFragmentStore.UpsertAsync"/> applies.</summary>
/// <remarks>The record comes either as an object or, from ingestion, as the record's UTF-8 JSON text
/// (<see cref="RecordUtf8"/>): a write that creates a fragment then keeps the text as it is, and the object is only
/// parsed when <see cref="Record"/> is read (a merge into a stored fragment).</remarks>
public sealed record ProfileFragmentWrite
{
    private JsonObject? _record;

    /// <summary>A write of a record given as an object.</summary>
    public ProfileFragmentWrite(
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
    }

    /// <summary>A write of a record given as UTF-8 JSON text (one object), whose <c>extSourceSystemAudit.lastUpdatedDate</c>
    /// the caller has read (<see cref="ExternalSourceAudit.LastUpdatedDate(System.Text.Json.JsonElement)"/>). The caller
    /// must not change the bytes afterwards.</summary>
    public ProfileFragmentWrite(
        string datasetId,
        string batchId,
        CompositeIdentity primaryIdentity,
        IReadOnlyList<CompositeIdentity> identities,
        ReadOnlyMemory<byte> recordUtf8,
        DateTimeOffset? lastUpdated,
        DateTimeOffset ingestedAt)
    {
        DatasetId = datasetId;
        BatchId = batchId;
        PrimaryIdentity = primaryIdentity;
        Identities = identities;
        RecordUtf8 = recordUtf8;
        LastUpdated = lastUpdated;
        IngestedAt = ingestedAt;
    }

    /// <summary>The record dataset.</summary>
    public string DatasetId { get; init; }

    /// <summary>The record's batch.</summary>
    public string BatchId { get; init; }

    /// <summary>The record's primary identity, the fragment's key.</summary>
    public CompositeIdentity PrimaryIdentity { get; init; }

    /// <summary>Every identity of the record.</summary>
    public IReadOnlyList<CompositeIdentity> Identities { get; init; }

    /// <summary>The record's data (parsed from <see cref="RecordUtf8"/> on first use when the write was made from text).</summary>
    public JsonObject Record
    {
        get => _record ??= JsonNode.Parse(RecordUtf8!.Value.Span) as JsonObject ?? throw new InvalidOperationException("A fragment write's record must be a JSON object.");
        init
        {
            _record = value;
            RecordUtf8 = null;
        }
    }

    /// <summary>The record's UTF-8 JSON text when the write was made from text, else null.</summary>
    public ReadOnlyMemory<byte>? RecordUtf8 { get; private init; }

    /// <summary>The record's <c>lastUpdatedDate</c> as read by the caller of the text constructor.</summary>
    private DateTimeOffset? LastUpdated { get; init; }

    /// <summary>The ingestion (system) time.</summary>
    public DateTimeOffset IngestedAt { get; init; }

    /// <summary>The key the fragment is stored under.</summary>
    public (string DatasetId, CompositeIdentity PrimaryIdentity) Key => (DatasetId, PrimaryIdentity);

    /// <summary>The fragment after this write: <see cref="ProfileFragment.Create"/> when <paramref name="existing"/>
    /// is null, else <see cref="ProfileFragment.Upsert"/> (field-by-field update; the later ingestion wins within a
    /// dataset). Every store applies writes through this, so the upsert rule lives in one place.</summary>
    public ProfileFragment ApplyTo(ProfileFragment? existing)
    {
        if (existing is null)
        {
            return RecordUtf8 is { } utf8
                ? ProfileFragment.FromJson(DatasetId, BatchId, PrimaryIdentity, Identities, utf8, LastUpdated, IngestedAt)
                : ProfileFragment.Create(DatasetId, BatchId, PrimaryIdentity, Identities, Record, IngestedAt);
        }

        if (!string.Equals(existing.DatasetId, DatasetId, StringComparison.Ordinal) || !existing.PrimaryIdentity.Equals(PrimaryIdentity))
        {
            throw new ArgumentException($"Fragment {existing.DatasetId}/{existing.PrimaryIdentity} is not the fragment of {DatasetId}/{PrimaryIdentity}.", nameof(existing));
        }

        return existing.Upsert(BatchId, Identities, Record, IngestedAt);
    }

    /// <summary>The positional form's deconstruction.</summary>
    public void Deconstruct(out string datasetId, out string batchId, out CompositeIdentity primaryIdentity, out IReadOnlyList<CompositeIdentity> identities, out JsonObject record, out DateTimeOffset ingestedAt)
    {
        datasetId = DatasetId;
        batchId = BatchId;
        primaryIdentity = PrimaryIdentity;
        identities = Identities;
        record = Record;
        ingestedAt = IngestedAt;
    }
}
