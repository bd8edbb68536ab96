using System.Text.Json;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;

namespace ProfilePlatform.Domain.Profile.Ingestion;

/// <summary>The share of one record's Identity and Profile work that needs neither the database nor the namespace
/// catalogue: the record parsed once, its identity candidates read (<see cref="IdentityScan"/>), and what Profile stores
/// captured — the record's JSON as stored, its <c>lastUpdatedDate</c>, or the event's <c>_id</c> and <c>timestamp</c>.</summary>
/// <remarks>Made by <see cref="Of(ProfileIngestionTarget, ReadOnlyMemory{byte})"/>, which is pure and thread-safe:
/// batch ingestion prepares a segment's records on every core while the previous segment is written, and
/// <see cref="ProfileIngestion"/> finishes them (namespaces, linking, writes) in the batch's transaction. Owns its
/// bytes: nothing refers to the caller's buffer afterwards.</remarks>
public sealed class PreparedProfileRecord
{
    private PreparedProfileRecord(IReadOnlyList<XdmIdentityField> fields, ProfileDataKind kind)
    {
        Fields = fields;
        Kind = kind;
    }

    /// <summary>Whether the record is a JSON object (anything else is refused whole).</summary>
    internal bool IsObject { get; private init; }

    /// <summary>The identity fields it was prepared for (a record prepared for another schema is prepared again).</summary>
    internal IReadOnlyList<XdmIdentityField> Fields { get; }

    /// <summary>The kind of data it was prepared as.</summary>
    internal ProfileDataKind Kind { get; }

    internal IdentityScan Scan { get; private init; } = null!;

    /// <summary>The record's JSON as Profile stores it: compact, written as a JSON object model of the record would
    /// write it (so the stored text is the same whether or not a merge parsed it).</summary>
    internal ReadOnlyMemory<byte> Json { get; private init; }

    /// <summary>Record data: <c>extSourceSystemAudit.lastUpdatedDate</c>.</summary>
    internal DateTimeOffset? LastUpdated { get; private init; }

    /// <summary>Event data: why it cannot be an ExperienceEvent, or null.</summary>
    internal string? EventProblem { get; private init; }

    /// <summary>Event data: the field the problem is about (<c>_id</c> or <c>timestamp</c>).</summary>
    internal string EventProblemSource { get; private init; } = "";

    internal string? EventId { get; private init; }

    internal DateTimeOffset EventTimestamp { get; private init; }

    /// <summary>Prepares a record given as UTF-8 JSON (one record) for <paramref name="target"/>.</summary>
    public static PreparedProfileRecord Of(ProfileIngestionTarget target, ReadOnlyMemory<byte> record)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(record);
        }
        catch (JsonException)
        {
            return new PreparedProfileRecord(target.IdentityFields, target.Kind);
        }

        using (document)
        {
            return Of(target, document.RootElement, record);
        }
    }

    /// <summary>Prepares a parsed record for <paramref name="target"/>.</summary>
    public static PreparedProfileRecord Of(ProfileIngestionTarget target, JsonElement record) => Of(target, record, null);

    private static PreparedProfileRecord Of(ProfileIngestionTarget target, JsonElement record, ReadOnlyMemory<byte>? text)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return new PreparedProfileRecord(target.IdentityFields, target.Kind);
        }

        var scan = IdentityScan.Of(record, target.IdentityFields);
        if (!target.ProfileEnabled)
        {
            return new PreparedProfileRecord(target.IdentityFields, target.Kind) { IsObject = true, Scan = scan };
        }

        var json = text is { } utf8 && CompactJsonText.IsAsWritten(utf8.Span) ? utf8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(record);
        if (target.Kind == ProfileDataKind.Record)
        {
            return new PreparedProfileRecord(target.IdentityFields, target.Kind)
            {
                IsObject = true,
                Scan = scan,
                Json = json,
                LastUpdated = ExternalSourceAudit.LastUpdatedDate(record),
            };
        }

        if (ExperienceEvent.Problem(record) is { } problem)
        {
            var hasId = record.TryGetProperty("_id", out var id) && id.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(id.GetString());
            return new PreparedProfileRecord(target.IdentityFields, target.Kind)
            {
                IsObject = true,
                Scan = scan,
                Json = json,
                EventProblem = problem,
                EventProblemSource = hasId ? "timestamp" : "_id",
            };
        }

        return new PreparedProfileRecord(target.IdentityFields, target.Kind)
        {
            IsObject = true,
            Scan = scan,
            Json = json,
            EventId = record.GetProperty("_id").GetString(),
            EventTimestamp = ExperienceEvent.TimestampOf(record)!.Value,
        };
    }

    /// <summary>Whether this preparation fits <paramref name="target"/> (same identity fields and kind, and the
    /// Profile payload captured when the target stores Profile data).</summary>
    internal bool Fits(ProfileIngestionTarget target) =>
        ReferenceEquals(Fields, target.IdentityFields) && Kind == target.Kind && (!IsObject || !target.ProfileEnabled || !Json.IsEmpty);
}
