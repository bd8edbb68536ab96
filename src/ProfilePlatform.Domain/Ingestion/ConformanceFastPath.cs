using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProfilePlatform.Domain.SchemaRegistry.Validation;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>A quick test that a record certainly conforms to its schema, walking the record's bytes once without building
/// anything: a record it accepts is taken; any other goes to the Schema Registry's validator
/// (<see cref="XdmRecordValidator"/>), which alone decides refusals and names their problems.</summary>
/// <remarks>
/// <para>Why: the registry's validator converts every record to Newtonsoft tokens and runs NJsonSchema — about 30 µs and
/// 70 KB of garbage a record — which bounds batch ingestion far below the store's write rate. Almost every record of a
/// batch is valid; for those this walk costs a few microseconds and allocates next to nothing.</para>
/// <para>It accepts only what it has checked against every rule the validator applies to the values present, with the
/// validator's semantics (read from the same composed schema, as <c>XdmValidationSchema</c> reads it): types (an integer
/// field takes only integer literals), required fields, no field the schema does not define (objects that are not maps),
/// enum (string enums), pattern (the same regular expression and time limit), format (<see cref="XdmFormats"/>),
/// minimum/maximum and the ranges of XDM integer types, string lengths (ASCII strings), array lengths. A <c>null</c>
/// member counts as absent, as the validator reads it. Whatever it does not model — several types on one field, enums
/// that are not all strings, fields an object allowing others does not name, <c>multipleOf</c>, <c>uniqueItems</c>, property counts, escaped property names, duplicate
/// keys, a <c>null</c> array item, numbers beyond <see cref="decimal"/>, lengths of non-ASCII strings, a pattern that
/// times out — sends the record to the validator. <c>ConformanceFastPathTests</c> holds it to that: on hundreds of
/// mutated records, every record it accepts is one the validator finds no violation in.</para>
/// </remarks>
public sealed class ConformanceFastPath
{
    private const int MaxDepth = 128;

    private readonly Node root;

    private ConformanceFastPath(Node root) => this.root = root;

    /// <summary>The fast path of a composed schema (<c>xed-full</c>).</summary>
    public static ConformanceFastPath From(JsonObject composed) => new(Node.Read(composed, 0));

    /// <summary>Whether the record (one UTF-8 JSON value) certainly conforms; false means "ask the validator", not "invalid".</summary>
    public bool Accepts(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth + 2 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || root.Kind != Kind.Object)
            {
                return false;
            }

            if (!Value(ref reader, json, root, 0))
            {
                return false;
            }

            return !reader.Read(); // nothing after the record
        }
        catch (JsonException)
        {
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool Value(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Node node, int depth)
    {
        if (depth > MaxDepth || node.Unsupported)
        {
            return false;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return node.Kind switch
                {
                    Kind.Object => Object(ref reader, json, node, depth),
                    Kind.Map => Map(ref reader, json, node.Element, depth),
                    Kind.Any => Free(ref reader, json, depth),
                    _ => false,
                };
            case JsonTokenType.StartArray:
                return node.Kind switch
                {
                    Kind.Array => Array(ref reader, json, node, depth),
                    Kind.Any => Free(ref reader, json, depth),
                    _ => false,
                };
            case JsonTokenType.String:
                return node.Kind switch
                {
                    Kind.String => String(ref reader, node),
                    Kind.Any => true,
                    _ => false,
                };
            case JsonTokenType.Number:
                return node.Kind switch
                {
                    Kind.Integer => reader.TryGetInt64(out var integer) && node.InRange(integer),
                    Kind.Number => reader.TryGetInt64(out var whole) ? node.InRange(whole) : Fraction(ref reader, node),
                    Kind.Any => true,
                    _ => false,
                };
            case JsonTokenType.True or JsonTokenType.False:
                return node.Kind is Kind.Boolean or Kind.Any;
            default:
                return false; // null where a value is read: arrays items and the record itself; left to the validator
        }
    }

    /// <summary>A number with a fraction or exponent, compared as the validator compares it: read as a double, then converted to
    /// decimal (15 significant digits); integers beyond <see cref="long"/> go to the validator.</summary>
    private static bool Fraction(ref Utf8JsonReader reader, Node node)
    {
        if (reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0 || !reader.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            return false;
        }

        if (!node.HasRange)
        {
            return true;
        }

        try
        {
            return node.InRange((decimal)value);
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool Object(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Node node, int depth)
    {
        var properties = node.Properties;
        Span<ulong> seen = stackalloc ulong[(properties.Length + 63) / 64];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var index = node.IndexOf(reader.ValueSpan);
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue; // absent, as the validator reads it
            }

            if (index < 0)
            {
                return false; // a field the schema does not define (or, where others are allowed, one whose repetition is not tracked)
            }

            ref var word = ref seen[index / 64];
            var bit = 1UL << (index % 64);
            if ((word & bit) != 0 || !Value(ref reader, json, properties[index].Node, depth + 1))
            {
                return false; // a duplicate key, or a bad value
            }

            word |= bit;
        }

        foreach (var required in node.Required)
        {
            if ((seen[required / 64] & (1UL << (required % 64))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An object whose keys are free: each key once, each value as <paramref name="element"/> says (null: anything).</summary>
    private static bool Map(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Node? element, int depth)
    {
        const int MaxKeys = 32;
        Span<int> starts = stackalloc int[MaxKeys];
        Span<int> lengths = stackalloc int[MaxKeys];
        var keys = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped || reader.HasValueSequence || keys == MaxKeys)
            {
                return false;
            }

            var start = (int)reader.TokenStartIndex + 1;
            var name = reader.ValueSpan;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            for (var k = 0; k < keys; k++)
            {
                if (json.Slice(starts[k], lengths[k]).SequenceEqual(name))
                {
                    return false; // a duplicate key
                }
            }

            starts[keys] = start;
            lengths[keys] = name.Length;
            keys++;
            if (element is null ? !Free(ref reader, json, depth + 1) : !Value(ref reader, json, element, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Array(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Node node, int depth)
    {
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            count++;
            if (node.Element is null ? !Free(ref reader, json, depth + 1) : !Value(ref reader, json, node.Element, depth + 1))
            {
                return false;
            }
        }

        return count >= node.MinItems && (node.MaxItems == 0 || count <= node.MaxItems);
    }

    private static bool String(ref Utf8JsonReader reader, Node node)
    {
        if (!node.ChecksStrings)
        {
            return true;
        }

        var value = reader.GetString()!;
        if (node.MinLength is not null || node.MaxLength is not null)
        {
            if (!Ascii.IsValid(value))
            {
                return false; // character counting of non-ASCII text is left to the validator
            }

            if (value.Length < (node.MinLength ?? 0) || value.Length > (node.MaxLength ?? int.MaxValue))
            {
                return false;
            }
        }

        return (node.Enum is null || node.Enum.Contains(value))
            && (node.Format is null || XdmFormats.IsValid(node.Format, value))
            && (node.Pattern is null || node.Pattern.IsMatch(value));
    }

    /// <summary>A value the schema puts no rule on, which the validator still reads: no key repeated in its objects.</summary>
    private static bool Free(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return Map(ref reader, json, null, depth);
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!Free(ref reader, json, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    private enum Kind
    {
        Any,
        Object,
        Map,
        Array,
        String,
        Integer,
        Number,
        Boolean,
    }

    /// <summary>One field's rules, as <c>XdmValidationSchema</c> reads them from the composed schema.</summary>
    private sealed class Node
    {
        private static readonly Dictionary<string, (decimal Min, decimal Max)> IntegerRanges = new(StringComparer.Ordinal)
        {
            ["byte"] = (sbyte.MinValue, sbyte.MaxValue),
            ["short"] = (short.MinValue, short.MaxValue),
            ["int"] = (int.MinValue, int.MaxValue),
            ["long"] = (-9007199254740991m, 9007199254740991m),
        };

        public Kind Kind { get; private init; }

        /// <summary>The field has a rule this walk does not model: any value of it goes to the validator.</summary>
        public bool Unsupported { get; private set; }

        public (byte[] Name, Node Node)[] Properties { get; private set; } = [];

        public int[] Required { get; private set; } = [];

        /// <summary>An array's items or a map's values (null: anything).</summary>
        public Node? Element { get; private set; }

        public int MinItems { get; private set; }

        public int MaxItems { get; private set; }

        public int? MinLength { get; private set; }

        public int? MaxLength { get; private set; }

        public HashSet<string>? Enum { get; private set; }

        public string? Format { get; private set; }

        public Regex? Pattern { get; private set; }

        public bool ChecksStrings => MinLength is not null || MaxLength is not null || Enum is not null || Format is not null || Pattern is not null;

        private decimal? Minimum { get; set; }

        private decimal? Maximum { get; set; }

        private bool MinimumExclusive { get; set; }

        private bool MaximumExclusive { get; set; }

        public int IndexOf(ReadOnlySpan<byte> name)
        {
            for (var i = 0; i < Properties.Length; i++)
            {
                if (name.SequenceEqual(Properties[i].Name))
                {
                    return i;
                }
            }

            return -1;
        }

        public bool HasRange => Minimum is not null || Maximum is not null;

        public bool InRange(decimal value) =>
            (Minimum is not { } min || (MinimumExclusive ? value > min : value >= min))
            && (Maximum is not { } max || (MaximumExclusive ? value < max : value <= max));

        public static Node Read(JsonObject source, int depth)
        {
            var types = TypeNames(source["type"]);
            if (types.Count == 0 && (source["properties"] is JsonObject || source["additionalProperties"] is JsonObject))
            {
                types = ["object"];
            }

            var real = types.Where(t => t != "null").ToList();
            if (depth > MaxDepth || real.Count > 1 || (real.Count == 0 && types.Count > 0) || types.Any(t => t is not ("string" or "integer" or "number" or "boolean" or "object" or "array" or "null")))
            {
                return new Node { Kind = Kind.Any, Unsupported = true };
            }

            var xdmType = Text(source["meta:xdmType"]);
            var node = new Node
            {
                Kind = real.FirstOrDefault() switch
                {
                    null => Kind.Any,
                    "object" => source["additionalProperties"] is JsonObject ? Kind.Map : Kind.Object,
                    "array" => Kind.Array,
                    "string" => Kind.String,
                    "integer" => Kind.Integer,
                    "number" => Kind.Number,
                    _ => Kind.Boolean,
                },
            };
            node.Unsupported = source["uniqueItems"] is JsonValue unique && unique.GetValueKind() == JsonValueKind.True
                || source["multipleOf"] is not null || source["minProperties"] is not null || source["maxProperties"] is not null
                || (node.Kind == Kind.Any && (source["enum"] is not null || source["minimum"] is not null || source["maximum"] is not null
                    || source["pattern"] is not null || source["format"] is not null || source["minLength"] is not null || source["maxLength"] is not null))
                || (node.Kind == Kind.Map && (source["properties"] is not null || source["required"] is not null));

            switch (node.Kind)
            {
                case Kind.Object:
                    node.ReadObject(source, depth);
                    break;
                case Kind.Map:
                    node.Element = Read((JsonObject)source["additionalProperties"]!, depth + 1);
                    break;
                case Kind.Array:
                    node.Element = source["items"] is JsonObject items ? Read(items, depth + 1) : null;
                    node.MinItems = Count(source["minItems"]) ?? 0;
                    node.MaxItems = Count(source["maxItems"]) ?? 0;
                    break;
                case Kind.String:
                    node.ReadString(source, xdmType);
                    break;
                case Kind.Integer or Kind.Number:
                    node.ReadRange(source, xdmType);
                    break;
            }

            if (node.Kind is not (Kind.String or Kind.Any) && source["enum"] is not null)
            {
                node.Unsupported = true; // enums of numbers or booleans are the validator's
            }

            return node;
        }

        private void ReadObject(JsonObject source, int depth)
        {
            var properties = new List<(byte[], Node)>();
            var names = new List<string>();
            foreach (var (name, field) in source["properties"] as JsonObject ?? [])
            {
                if (field is JsonObject f)
                {
                    properties.Add((Encoding.UTF8.GetBytes(name), Read(f, depth + 1)));
                    names.Add(name);
                }
            }

            Properties = [.. properties];
            var required = new List<int>();
            foreach (var name in (source["required"] as JsonArray ?? []).Select(Text).OfType<string>())
            {
                var index = names.IndexOf(name);
                if (index < 0)
                {
                    Unsupported = true; // required but not defined: only the validator knows what satisfies it
                }
                else
                {
                    required.Add(index);
                }
            }

            Required = [.. required];
        }

        private void ReadString(JsonObject source, string? xdmType)
        {
            MinLength = Count(source["minLength"]);
            MaxLength = Count(source["maxLength"]);
            if (source["enum"] is JsonArray values)
            {
                if (values.Any(v => v is not JsonValue s || s.GetValueKind() != JsonValueKind.String))
                {
                    Unsupported = true;
                }
                else
                {
                    Enum = new HashSet<string>(values.Select(v => v!.GetValue<string>()), StringComparer.Ordinal);
                }
            }

            var format = Text(source["format"]) ?? (xdmType is "date" or "date-time" ? xdmType : null);
            Format = format is not null && XdmFormats.IsKnown(format) ? format : null;
            if (Text(source["pattern"]) is { Length: > 0 } pattern)
            {
                try
                {
                    Pattern = new Regex(pattern, RegexOptions.CultureInvariant, XdmValidationSchema.PatternTimeout);
                }
                catch (ArgumentException)
                {
                    Unsupported = true;
                }
            }
        }

        private void ReadRange(JsonObject source, string? xdmType)
        {
            Minimum = Number(source["minimum"]);
            Maximum = Number(source["maximum"]);
            switch (source["exclusiveMinimum"])
            {
                case JsonValue b when b.GetValueKind() == JsonValueKind.True:
                    MinimumExclusive = true;
                    break;
                case JsonValue n when n.GetValueKind() == JsonValueKind.Number:
                    Minimum = Number(n);
                    MinimumExclusive = true;
                    break;
            }

            switch (source["exclusiveMaximum"])
            {
                case JsonValue b when b.GetValueKind() == JsonValueKind.True:
                    MaximumExclusive = true;
                    break;
                case JsonValue n when n.GetValueKind() == JsonValueKind.Number:
                    Maximum = Number(n);
                    MaximumExclusive = true;
                    break;
            }

            if (source["minimum"] is not null && source["exclusiveMinimum"] is JsonValue em && em.GetValueKind() == JsonValueKind.Number
                || source["maximum"] is not null && source["exclusiveMaximum"] is JsonValue ex && ex.GetValueKind() == JsonValueKind.Number)
            {
                Unsupported = true; // both an inclusive and an exclusive bound: the validator applies them separately
            }

            if (Kind == Kind.Integer && xdmType is not null && IntegerRanges.TryGetValue(xdmType, out var range))
            {
                if (Minimum is null || Minimum < range.Min)
                {
                    Minimum = range.Min;
                    MinimumExclusive = false;
                }

                if (Maximum is null || Maximum > range.Max)
                {
                    Maximum = range.Max;
                    MaximumExclusive = false;
                }
            }
        }

        private static List<string> TypeNames(JsonNode? node) => node switch
        {
            null => [],
            JsonArray array => [.. array.Select(n => Text(n) ?? "?")],
            _ => [Text(node) ?? "?"],
        };

        private static string? Text(JsonNode? node) =>
            node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

        private static decimal? Number(JsonNode? node) =>
            node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

        private static int? Count(JsonNode? node) => Number(node) is { } n && n >= 0 && n <= int.MaxValue ? (int)n : null;
    }
}
