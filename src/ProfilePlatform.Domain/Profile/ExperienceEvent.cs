using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Profile;

/// <summary>One time-series event in Profile: appended, never merged with other events, attached to profiles through
/// its primary identity (and so to the whole identity graph under a <c>pdg</c> merge policy).</summary>
/// <remarks>The XDM ExperienceEvent class requires <c>_id</c> and <c>timestamp</c>. <c>_id</c> "is used to track the
/// uniqueness of an individual event, prevent duplication of data, and look up that event in downstream services"
/// (XDM class reference): an event whose (<see cref="DatasetId"/>, <see cref="EventId"/>) is already stored replaces it
/// rather than being added twice (<see cref="DedupeKey"/>) [unverified: AEP does not say whether the first or the
/// last copy survives; the last keeps re-ingestion idempotent and corrections possible].</remarks>
public sealed class ExperienceEvent
{
    /// <summary>The event as an object (owned, never handed out), or null when it was made from JSON text.</summary>
    private readonly JsonObject? _record;

    /// <summary>The event as UTF-8 JSON text, when it was made from text: kept as it is, parsed only when needed.</summary>
    private readonly ReadOnlyMemory<byte>? _utf8;

    private ExperienceEvent(string datasetId, string batchId, string eventId, DateTimeOffset timestamp, CompositeIdentity primaryIdentity, IReadOnlyList<CompositeIdentity> identities, JsonObject? record, DateTimeOffset ingestedAt, ReadOnlyMemory<byte>? utf8 = null)
    {
        _utf8 = utf8;
        DatasetId = datasetId;
        BatchId = batchId;
        EventId = eventId;
        Timestamp = timestamp;
        PrimaryIdentity = primaryIdentity;
        Identities = identities;
        _record = record;
        IngestedAt = ingestedAt;
    }

    public string DatasetId { get; }

    public string BatchId { get; }

    /// <summary>The event's <c>_id</c>.</summary>
    public string EventId { get; }

    /// <summary>The event's <c>timestamp</c>: the time-series order and the entities API's time filters.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The identity the event is stored against.</summary>
    public CompositeIdentity PrimaryIdentity { get; }

    /// <summary>Every identity the event carried, primary first (linked in the graph by ingestion).</summary>
    public IReadOnlyList<CompositeIdentity> Identities { get; }

    public DateTimeOffset IngestedAt { get; }

    /// <summary>The uniqueness key: a second event with the same key replaces the first.</summary>
    public (string DatasetId, string EventId) DedupeKey => (DatasetId, EventId);

    /// <summary>A copy of the event's data.</summary>
    public JsonObject Record => _record is { } record
        ? (JsonObject)record.DeepClone()
        : JsonNode.Parse(_utf8!.Value.Span) as JsonObject ?? throw new InvalidOperationException("An event's record must be a JSON object.");

    /// <summary>The stored JSON of the event, for persistence.</summary>
    public string RecordJson => _utf8 is { } utf8 ? Encoding.UTF8.GetString(utf8.Span) : _record!.ToJsonString();

    /// <summary>The stored JSON of the event as UTF-8 (the same text as <see cref="RecordJson"/>): for stores that write
    /// bytes, and free when the event came from JSON text.</summary>
    public ReadOnlyMemory<byte> RecordUtf8 => _utf8 ?? JsonSerializer.SerializeToUtf8Bytes(_record!);

    /// <summary>Why <paramref name="record"/> cannot be an ExperienceEvent (missing or malformed <c>_id</c> or
    /// <c>timestamp</c>), or null.</summary>
    public static string? Problem(JsonObject record)
    {
        if (record["_id"] is not JsonValue id || !id.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
        {
            return "The event has no \"_id\": every ExperienceEvent needs a unique string _id.";
        }

        return ParseTimestamp(record) is null
            ? "The event has no valid \"timestamp\": give the ISO 8601 date-time at which the event occurred, e.g. 2024-05-01T12:00:00Z."
            : null;
    }

    /// <summary>An event from a record (or rebuilt from storage). Throws <see cref="ArgumentException"/> with
    /// <see cref="Problem(JsonObject)"/>'s text when <c>_id</c> or <c>timestamp</c> is missing.</summary>
    public static ExperienceEvent Create(
        string datasetId,
        string batchId,
        CompositeIdentity primaryIdentity,
        IEnumerable<CompositeIdentity> identities,
        JsonObject record,
        DateTimeOffset ingestedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetId);
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        if (Problem(record) is { } problem)
        {
            throw new ArgumentException(problem, nameof(record));
        }

        return new ExperienceEvent(
            datasetId,
            batchId,
            record["_id"]!.GetValue<string>(),
            ParseTimestamp(record)!.Value,
            primaryIdentity,
            [.. new[] { primaryIdentity }.Concat(identities).Distinct()],
            (JsonObject)record.DeepClone(),
            ingestedAt);
    }

    /// <summary><see cref="Problem(JsonObject)"/> for a record as parsed JSON, without building an object model.</summary>
    public static string? Problem(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object
            || !record.TryGetProperty("_id", out var id)
            || id.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(id.GetString()))
        {
            return "The event has no \"_id\": every ExperienceEvent needs a unique string _id.";
        }

        return ParseTimestamp(record) is null
            ? "The event has no valid \"timestamp\": give the ISO 8601 date-time at which the event occurred, e.g. 2024-05-01T12:00:00Z."
            : null;
    }

    /// <summary>An event from a record given as UTF-8 JSON text (one object) and that text parsed: the text is kept as it
    /// is and parsed into objects only when the event's data is read. The caller must not change the bytes afterwards.
    /// Throws <see cref="ArgumentException"/> with <see cref="Problem(JsonElement)"/>'s text when <c>_id</c> or
    /// <c>timestamp</c> is missing.</summary>
    public static ExperienceEvent FromJson(
        string datasetId,
        string batchId,
        CompositeIdentity primaryIdentity,
        IEnumerable<CompositeIdentity> identities,
        ReadOnlyMemory<byte> json,
        JsonElement parsed,
        DateTimeOffset ingestedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetId);
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        if (Problem(parsed) is { } problem)
        {
            throw new ArgumentException(problem, nameof(parsed));
        }

        var all = new List<CompositeIdentity>(4) { primaryIdentity };
        foreach (var identity in identities)
        {
            if (!all.Contains(identity))
            {
                all.Add(identity);
            }
        }

        return new ExperienceEvent(datasetId, batchId, parsed.GetProperty("_id").GetString()!, ParseTimestamp(parsed)!.Value, primaryIdentity, all, null, ingestedAt, json);
    }

    /// <summary><see cref="FromJson(string, string, CompositeIdentity, IEnumerable{CompositeIdentity}, ReadOnlyMemory{byte}, JsonElement, DateTimeOffset)"/>
    /// for the JSON text a store keeps.</summary>
    public static ExperienceEvent FromJson(
        string datasetId,
        string batchId,
        CompositeIdentity primaryIdentity,
        IEnumerable<CompositeIdentity> identities,
        string json,
        DateTimeOffset ingestedAt)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        using var document = JsonDocument.Parse(utf8);
        return FromJson(datasetId, batchId, primaryIdentity, identities, utf8, document.RootElement, ingestedAt);
    }

    /// <summary>An event from its stored JSON text with <c>_id</c> and <c>timestamp</c> already read (ingestion's
    /// prepared records).</summary>
    internal static ExperienceEvent FromJson(
        string datasetId,
        string batchId,
        CompositeIdentity primaryIdentity,
        IReadOnlyList<CompositeIdentity> identities,
        ReadOnlyMemory<byte> json,
        string eventId,
        DateTimeOffset timestamp,
        DateTimeOffset ingestedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetId);
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        var all = new List<CompositeIdentity>(identities.Count + 1) { primaryIdentity };
        foreach (var identity in identities)
        {
            if (!all.Contains(identity))
            {
                all.Add(identity);
            }
        }

        return new ExperienceEvent(datasetId, batchId, eventId, timestamp, primaryIdentity, all, null, ingestedAt, json);
    }

    /// <summary>The record's <c>timestamp</c>, or null when missing or not a date-time.</summary>
    internal static DateTimeOffset? TimestampOf(JsonElement record) => ParseTimestamp(record);

    private static DateTimeOffset? ParseTimestamp(JsonElement record) =>
        record.TryGetProperty("timestamp", out var value)
        && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;

    private static DateTimeOffset? ParseTimestamp(JsonObject record) =>
        record["timestamp"] is JsonValue value
        && value.TryGetValue<string>(out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
}
