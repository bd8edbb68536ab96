using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace ProfilePlatform.Domain.SchemaRegistry.Validation;

/// <summary>Reads a record into the Newtonsoft tokens NJsonSchema validates, in one pass from a
/// <see cref="JsonElement"/> or straight from UTF-8 bytes (no intermediate <see cref="JsonDocument"/>).</summary>
/// <remarks>
/// <list type="bullet">
/// <item>A property whose value is <c>null</c> is read as absent: XDM stores no nulls, and batch ingestion reports a
/// required field that is "either missing or has a value of null" the same way (INGEST-1555-400,
/// help/ingestion/batch-ingestion/partial.md). <c>null</c> inside an array or as the record stays a value (and
/// fails the type check).</item>
/// <item>A key repeated within one object is a <see cref="XdmViolationKind.Malformed"/> violation (the first value
/// is validated); which value a consumer would keep is undefined.</item>
/// <item>Nesting deeper than <see cref="MaxDepth"/> stops reading: no XDM schema nests that deep (composition is
/// bounded well below it), and the bound keeps hostile input from exhausting the stack.</item>
/// </list>
/// </remarks>
internal static class XdmRecordReader
{
    public const int MaxDepth = 128;

    /// <summary>The record as tokens, or null when it cannot be read (the reason is in <paramref name="problems"/>).</summary>
    public static JToken? FromElement(JsonElement element, List<XdmRecordViolation> problems)
    {
        var path = new List<Segment>();
        try
        {
            return Read(element, path, problems);
        }
        catch (TooDeepException)
        {
            problems.Add(TooDeep(path));
            return null;
        }
    }

    /// <summary>The record as tokens, or null when the bytes are not one JSON value (the reason is in <paramref name="problems"/>).</summary>
    public static JToken? FromUtf8(ReadOnlySpan<byte> json, List<XdmRecordViolation> problems)
    {
        var path = new List<Segment>();
        if (json.IsEmpty)
        {
            problems.Add(new XdmRecordViolation("", XdmViolationKind.Malformed, "The record is empty: send one JSON object."));
            return null;
        }

        // The reader refuses anything after the first value, so one Read after the root proves the end.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        try
        {
            reader.Read();
            var root = Read(ref reader, path, problems);
            reader.Read();
            return root;
        }
        catch (TooDeepException)
        {
            problems.Add(TooDeep(path));
            return null;
        }
        catch (JsonException ex)
        {
            problems.Add(new XdmRecordViolation(
                "",
                XdmViolationKind.Malformed,
                reader.CurrentDepth >= MaxDepth
                    ? $"The record nests deeper than {MaxDepth} levels."
                    : $"The record is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}"));
            return null;
        }
    }

    private static JToken Read(JsonElement element, List<Segment> path, List<XdmRecordViolation> problems)
    {
        if (path.Count > MaxDepth)
        {
            throw new TooDeepException();
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JObject();
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    if (obj.ContainsKey(property.Name))
                    {
                        problems.Add(Duplicate(path, property.Name));
                        continue;
                    }

                    path.Add(new Segment(property.Name, 0));
                    obj.Add(property.Name, Read(property.Value, path, problems));
                    path.RemoveAt(path.Count - 1);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    path.Add(new Segment(null, index++));
                    array.Add(Read(item, path, problems));
                    path.RemoveAt(path.Count - 1);
                }

                return array;
            case JsonValueKind.String:
                return JValue.CreateString(element.GetString());
            case JsonValueKind.Number:
                return element.TryGetInt64(out var integer) ? new JValue(integer) : Number(element.GetRawText());
            case JsonValueKind.True:
                return new JValue(true);
            case JsonValueKind.False:
                return new JValue(false);
            default:
                return JValue.CreateNull();
        }
    }

    private static JToken Read(ref Utf8JsonReader reader, List<Segment> path, List<XdmRecordViolation> problems)
    {
        if (path.Count > MaxDepth)
        {
            throw new TooDeepException();
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        continue;
                    }

                    if (obj.ContainsKey(name))
                    {
                        problems.Add(Duplicate(path, name));
                        reader.Skip();
                        continue;
                    }

                    path.Add(new Segment(name, 0));
                    obj.Add(name, Read(ref reader, path, problems));
                    path.RemoveAt(path.Count - 1);
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new JArray();
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    path.Add(new Segment(null, index++));
                    array.Add(Read(ref reader, path, problems));
                    path.RemoveAt(path.Count - 1);
                }

                return array;
            case JsonTokenType.String:
                return JValue.CreateString(reader.GetString());
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var integer) ? new JValue(integer) : Number(Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new JValue(true);
            case JsonTokenType.False:
                return new JValue(false);
            default:
                return JValue.CreateNull();
        }
    }

    /// <summary>A number beyond <see cref="long"/>: an integer literal stays an integer (and fails integer ranges),
    /// anything else is a double.</summary>
    private static JValue Number(string literal) =>
        literal.AsSpan().IndexOfAny('.', 'e', 'E') < 0
            ? new JValue(BigInteger.Parse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))
            : new JValue(double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture));

    private static XdmRecordViolation Duplicate(List<Segment> path, string name)
    {
        var pointer = Pointer(path) + "/" + XdmPointer.Escape(name);
        return new XdmRecordViolation(pointer, XdmViolationKind.Malformed, $"Field '{pointer}' appears more than once in its object: send each field once.");
    }

    private static XdmRecordViolation TooDeep(List<Segment> path) =>
        new(Pointer(path), XdmViolationKind.Malformed, $"The record nests deeper than {MaxDepth} levels.");

    private static string Pointer(List<Segment> path) =>
        string.Concat(path.Select(s => "/" + (s.Name is null ? s.Index.ToString(CultureInfo.InvariantCulture) : XdmPointer.Escape(s.Name))));

    private readonly record struct Segment(string? Name, int Index);

    private sealed class TooDeepException : Exception;
}
