using System.Globalization;
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
    private readonly JsonObject _record;

    private ExperienceEvent(string datasetId, string batchId, string eventId, DateTimeOffset timestamp, CompositeIdentity primaryIdentity, IReadOnlyList<CompositeIdentity> identities, JsonObject record, DateTimeOffset ingestedAt)
    {
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
    public JsonObject Record => (JsonObject)_record.DeepClone();

    /// <summary>The stored JSON of the event, for persistence.</summary>
    public string RecordJson => _record.ToJsonString();

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
    /// <see cref="Problem"/>'s text when <c>_id</c> or <c>timestamp</c> is missing.</summary>
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

    private static DateTimeOffset? ParseTimestamp(JsonObject record) =>
        record["timestamp"] is JsonValue value
        && value.TryGetValue<string>(out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
}
