using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>Rewrites a record with every value converted to its field's type where the types table allows it
/// (<see cref="IngestionValues"/>; help/ingestion/batch-ingestion/api-overview.md: "if a type does not match what is in
/// the target schema, the data will be converted to the expressed target type. If it cannot, it will fail").</summary>
/// <remarks>Fields the schema does not define, and values of fields of no known kind, are copied unchanged: the validator
/// reports them. A value that cannot be converted becomes a <see cref="RowProblem"/> naming the field. The output is one
/// line of compact JSON. <c>null</c> members are dropped (XDM keeps no nulls; the validator reads them as absent).</remarks>
public static class RecordConverter
{
    private const int MaxDepth = 128;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>The converted record, or null with the problems when a value cannot be converted.</summary>
    public static byte[]? Convert(JsonElement record, IngestionSchema schema, List<RowProblem> problems)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, record, schema.Root, "", problems, 0);
        }

        return problems.Count == 0 ? buffer.WrittenSpan.ToArray() : null;
    }

    /// <summary>Compact one-line JSON of a value, unchanged otherwise (multi-line JSON records are stored one per line).</summary>
    public static byte[] Compact(JsonElement record)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            record.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonElement value, IngestionField? field, string path, List<RowProblem> problems, int depth)
    {
        if (depth > MaxDepth || field is null || field.Kind == IngestionFieldKind.Any)
        {
            value.WriteTo(writer);
            return;
        }

        switch (field.Kind)
        {
            case IngestionFieldKind.Object when value.ValueKind == JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in value.EnumerateObject())
                {
                    if (member.Value.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    writer.WritePropertyName(member.Name);
                    field.Properties.TryGetValue(member.Name, out var child);
                    Write(writer, member.Value, child, path + "/" + Escape(member.Name), problems, depth + 1);
                }

                writer.WriteEndObject();
                return;
            case IngestionFieldKind.Map when value.ValueKind == JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in value.EnumerateObject())
                {
                    if (member.Value.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    writer.WritePropertyName(member.Name);
                    Write(writer, member.Value, field.Element, path + "/" + Escape(member.Name), problems, depth + 1);
                }

                writer.WriteEndObject();
                return;
            case IngestionFieldKind.Array when value.ValueKind == JsonValueKind.Array:
                writer.WriteStartArray();
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item, field.Element, path + "/" + i.ToString(CultureInfo.InvariantCulture), problems, depth + 1);
                    i++;
                }

                writer.WriteEndArray();
                return;
            case IngestionFieldKind.Object or IngestionFieldKind.Map or IngestionFieldKind.Array:
                value.WriteTo(writer); // a wrong shape is the validator's to report
                return;
        }

        if (!TryScalar(writer, value, field))
        {
            problems.Add(new RowProblem(
                IngestionErrorCodes.RowInvalid,
                "type",
                path,
                $"Field '{(path.Length == 0 ? "/" : path)}' holds {Shown(value)}, which cannot be converted to {Describe(field.Kind)}."));
            writer.WriteNullValue();
        }
    }

    private static bool TryScalar(Utf8JsonWriter writer, JsonElement value, IngestionField field)
    {
        var kind = value.ValueKind;
        switch (field.Kind)
        {
            case IngestionFieldKind.String:
                if (kind == JsonValueKind.String)
                {
                    value.WriteTo(writer);
                    return true;
                }

                if (kind == JsonValueKind.Number)
                {
                    writer.WriteStringValue(value.GetRawText());
                    return true;
                }

                return false;
            case IngestionFieldKind.Integer:
                if (kind == JsonValueKind.Number && IngestionValues.TryInteger(value.GetRawText(), out var n))
                {
                    writer.WriteNumberValue(n);
                    return true;
                }

                if (kind == JsonValueKind.String && IngestionValues.TryInteger(value.GetString()!, out n))
                {
                    writer.WriteNumberValue(n);
                    return true;
                }

                return false;
            case IngestionFieldKind.Number:
                if (kind == JsonValueKind.Number)
                {
                    value.WriteTo(writer);
                    return true;
                }

                if (kind == JsonValueKind.String && IngestionValues.TryNumber(value.GetString()!, out var number))
                {
                    writer.WriteRawValue(number, skipInputValidation: true);
                    return true;
                }

                return false;
            case IngestionFieldKind.Boolean:
                if (kind is JsonValueKind.True or JsonValueKind.False)
                {
                    value.WriteTo(writer);
                    return true;
                }

                return false;
            case IngestionFieldKind.DateTime:
                return WriteDate(writer, value, IngestionValues.TryDateTime, IngestionValues.TryEpochDateTime);
            case IngestionFieldKind.Date:
                return WriteDate(writer, value, IngestionValues.TryDate, IngestionValues.TryEpochDate);
            default:
                value.WriteTo(writer);
                return true;
        }
    }

    private delegate bool TextConversion(string text, out string value);

    private delegate bool EpochConversion(long milliseconds, out string value);

    private static bool WriteDate(Utf8JsonWriter writer, JsonElement value, TextConversion fromText, EpochConversion fromEpoch)
    {
        string converted;
        var ok = value.ValueKind switch
        {
            JsonValueKind.String => fromText(value.GetString()!, out converted),
            JsonValueKind.Number when value.TryGetInt64(out var ms) => fromEpoch(ms, out converted),
            _ => Fail(out converted),
        };
        if (ok)
        {
            writer.WriteStringValue(converted);
        }

        return ok;
    }

    private static bool Fail(out string value)
    {
        value = "";
        return false;
    }

    private static string Describe(IngestionFieldKind kind) => kind switch
    {
        IngestionFieldKind.Integer => "an integer",
        IngestionFieldKind.Number => "a number",
        IngestionFieldKind.Boolean => "a boolean (booleans are never converted from other types)",
        IngestionFieldKind.Date => "a date (an ISO 8601 date or date-time string, or Unix epoch milliseconds)",
        IngestionFieldKind.DateTime => "a date-time (an ISO 8601 string, or Unix epoch milliseconds)",
        _ => "a string",
    };

    private static string Shown(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => value.GetRawText(),
        };
        return text.Length <= 64 ? text : text[..64] + "...";
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
