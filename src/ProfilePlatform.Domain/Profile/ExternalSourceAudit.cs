using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Profile;

/// <summary>Reads a record's own last-update time from the External Source System Audit Attributes field group
/// (<c>extSourceSystemAudit.lastUpdatedDate</c>), which "is used by the attribute merge policy to determine priority in
/// the case of merge conflicts" (XDM data type page) and overrides the ingestion time for <c>timestampOrdered</c>
/// across datasets (help/profile/api/merge-policies.md, appendix "Using custom timestamps").</summary>
public static class ExternalSourceAudit
{
    private static readonly string[] GroupNames = ["extSourceSystemAudit", "xdm:extSourceSystemAudit"];
    private static readonly string[] FieldNames = ["lastUpdatedDate", "xdm:lastUpdatedDate"];

    /// <summary>The record's <c>lastUpdatedDate</c>, or null when absent or not a date-time.</summary>
    /// <remarks>Accepts ISO 8601 (<c>2028-11-13T15:06:49.001Z</c>) and the space-separated form of AEP's B2B examples
    /// (<c>2024-03-09 12:21:43.0</c>); a value without an offset is read as UTC.</remarks>
    public static DateTimeOffset? LastUpdatedDate(JsonObject record)
    {
        var group = GroupNames.Select(n => record[n]).OfType<JsonObject>().FirstOrDefault();
        var value = group is null ? null : FieldNames.Select(n => group[n]).OfType<JsonValue>().FirstOrDefault();
        return value is not null
               && value.TryGetValue<string>(out var text)
               && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
    }

    /// <summary><see cref="LastUpdatedDate(JsonObject)"/> read from the record's JSON as parsed, without building
    /// an object model.</summary>
    public static DateTimeOffset? LastUpdatedDate(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var groupName in GroupNames)
        {
            if (!record.TryGetProperty(groupName, out var group) || group.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var fieldName in FieldNames)
            {
                // The first field that holds a value (not an object, array or null) decides, as in the JsonObject form.
                if (group.TryGetProperty(fieldName, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                {
                    return value.ValueKind == JsonValueKind.String ? Parse(value.GetString()!) : null;
                }
            }

            return null;
        }

        return null;
    }

    /// <summary><see cref="LastUpdatedDate(JsonObject)"/> of a record given as UTF-8 JSON.</summary>
    public static DateTimeOffset? LastUpdatedDate(ReadOnlyMemory<byte> record)
    {
        using var document = JsonDocument.Parse(record);
        return LastUpdatedDate(document.RootElement);
    }

    private static DateTimeOffset? Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
}
