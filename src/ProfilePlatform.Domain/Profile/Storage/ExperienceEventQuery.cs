namespace ProfilePlatform.Domain.Profile.Storage;

/// <summary>Which stored experience events to read: those stored against one of <see cref="PrimaryXids"/>, with
/// <c>timestamp</c> in [<see cref="From"/>, <see cref="To"/>) — the entities API's <c>startTime</c> (inclusive) and
/// <c>endTime</c> (exclusive) — in time order (<see cref="Descending"/> for <c>orderby=-timestamp</c>), at most
/// <see cref="Limit"/>, strictly after <see cref="After"/> in that order (the next page), and — when
/// <see cref="DatasetIds"/> is given — only of those datasets (a <c>dataSetPrecedence</c> merge policy's order).</summary>
public sealed record ExperienceEventQuery(
    IReadOnlyCollection<string> PrimaryXids,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = ExperienceEventQuery.DefaultLimit,
    bool Descending = false,
    ExperienceEventPosition? After = null,
    IReadOnlyCollection<string>? DatasetIds = null)
{
    /// <summary>The entities API's default <c>limit</c> for events.</summary>
    public const int DefaultLimit = 1000;
}

/// <summary>An event's place in the store's order: timestamp to the millisecond (the entities API's granularity, and
/// what the stores index), then <c>_id</c>, then dataset (ordinal), so that every event has a distinct position and a
/// page can start right after one.</summary>
public sealed record ExperienceEventPosition
{
    public ExperienceEventPosition(DateTimeOffset timestamp, string eventId, string datasetId)
    {
        Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(timestamp.ToUnixTimeMilliseconds());
        EventId = eventId;
        DatasetId = datasetId;
    }

    public DateTimeOffset Timestamp { get; }

    public string EventId { get; }

    public string DatasetId { get; }

    public static ExperienceEventPosition Of(ExperienceEvent e) => new(e.Timestamp, e.EventId, e.DatasetId);
}
