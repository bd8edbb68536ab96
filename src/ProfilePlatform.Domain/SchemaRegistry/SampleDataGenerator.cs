using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProfilePlatform.Domain.SchemaRegistry.Validation;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>One example record shaped like a composed schema: the body of <c>GET /rpc/sampledata/{SCHEMA_ID}</c>
/// (help/xdm/api/sample-data.md), meant to pass the schema's own validation.</summary>
/// <remarks>
/// Following the example in the doc: every field of the schema is present; strings are <c>"string"</c>, booleans
/// <c>false</c>, dates <c>"2018-01-12"</c>, date-times <c>"2018-11-12T20:20:39+00:00"</c>, uri-references
/// <c>"/uri-reference"</c>; integers and numbers are arbitrary-looking values inside the field's range (of its
/// <c>meta:xdmType</c> too), derived from the field's path so the same schema always gives the same sample; arrays
/// hold one item and maps one entry under the key <c>"key"</c> (the doc's identityMap is
/// <c>{"key":[{...}]}</c>). A field's <c>const</c>, <c>default</c> or first <c>examples</c> value is used when it
/// fits the field, else the first <c>enum</c> value. Patterns get a matching string (<see cref="XdmPatternSample"/>),
/// lengths are respected.
/// </remarks>
public static class SampleDataGenerator
{
    public const string MapKey = "key";
    private const int MaxDepth = 64;
    private const decimal Window = 10_000m;
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(50);

    private static readonly Dictionary<string, string> FormatSamples = new(StringComparer.Ordinal)
    {
        ["date-time"] = "2018-11-12T20:20:39+00:00",
        ["date"] = "2018-01-12",
        ["email"] = "john.smith@example.com",
        ["uri"] = "https://ns.adobe.com/xdm/common/uri",
        ["uri-reference"] = "/uri-reference",
        ["ipv4"] = "192.0.2.1",
        ["ipv6"] = "2001:db8::1",
        ["uuid"] = "123e4567-e89b-12d3-a456-426614174000",
        ["hostname"] = "www.example.com",
    };

    /// <summary>A sample record of a composed (<c>xed-full</c>) schema.</summary>
    public static JsonObject Generate(JsonObject composedSchema)
    {
        ArgumentNullException.ThrowIfNull(composedSchema);
        return Object(composedSchema, "", 0);
    }

    private static JsonNode? Value(JsonObject field, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        var type = TypeOf(field);
        if (Given(field, type) is { } given)
        {
            return given;
        }

        return type switch
        {
            "object" => Object(field, path, depth),
            "array" => Array(field, path, depth),
            "string" => String(field),
            "integer" => Integer(field, path),
            "number" => Number(field, path),
            "boolean" => false,
            _ => null, // no type, or only null: nothing to show
        };
    }

    private static JsonObject Object(JsonObject field, string path, int depth)
    {
        var result = new JsonObject();
        if (field["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                if (child is JsonObject c && Value(c, $"{path}/{name}", depth + 1) is { } value)
                {
                    result[name] = value;
                }
            }
        }

        if (field["additionalProperties"] is JsonObject values)
        {
            var entries = Math.Max(1, Count(field["minProperties"]) ?? 1);
            for (var i = 0; i < entries; i++)
            {
                var key = i == 0 ? MapKey : MapKey + (i + 1).ToString(CultureInfo.InvariantCulture);
                if (!result.ContainsKey(key) && Value(values, $"{path}/{key}", depth + 1) is { } value)
                {
                    result[key] = value;
                }
            }
        }

        return result;
    }

    private static JsonArray Array(JsonObject field, string path, int depth)
    {
        var result = new JsonArray();
        var items = Math.Max(1, Count(field["minItems"]) ?? 1);
        if (Count(field["maxItems"]) is { } max)
        {
            items = Math.Min(items, max);
        }

        for (var i = 0; i < items && field["items"] is JsonObject item; i++)
        {
            if (Value(item, $"{path}/{i}", depth + 1) is { } value)
            {
                result.Add(value);
            }
        }

        return result;
    }

    private static string String(JsonObject field)
    {
        var format = Text(field["format"]) ?? (Text(field["meta:xdmType"]) is "date" or "date-time" ? Text(field["meta:xdmType"]) : null);
        var pattern = Text(field["pattern"]);
        var sample = format is not null && FormatSamples.TryGetValue(format, out var formatted) ? formatted : "string";
        if (pattern is not null && !Matches(pattern, sample))
        {
            sample = XdmPatternSample.For(pattern) ?? sample;
        }

        if (pattern is null && (format is null || !FormatSamples.ContainsKey(format)))
        {
            var min = Count(field["minLength"]) ?? 0;
            var max = Count(field["maxLength"]) ?? int.MaxValue;
            while (sample.Length < min)
            {
                sample += "string";
            }

            sample = sample[..Math.Min(Math.Max(min, Math.Min(sample.Length, max)), sample.Length)];
        }

        return sample;
    }

    private static JsonValue Integer(JsonObject field, string path)
    {
        var (low, high) = Bounds(field, step: 1m);
        var value = Pick(low, high, path, 1m);
        if (Number(field["multipleOf"]) is { } multiple && multiple > 0)
        {
            var aligned = Math.Ceiling(value / multiple) * multiple;
            value = aligned <= high ? aligned : value;
        }

        return JsonValue.Create((long)Math.Truncate(value));
    }

    private static JsonValue Number(JsonObject field, string path)
    {
        var (low, high) = Bounds(field, step: 0.01m);
        return JsonValue.Create(Pick(low, high, path, 0.01m));
    }

    /// <summary>Where a sample value is picked: the field's range narrowed to a window of <see cref="Window"/> values
    /// near zero, so samples stay readable.</summary>
    private static (decimal Low, decimal High) Bounds(JsonObject field, decimal step)
    {
        var (low, high) = Range(field, step);
        var windowLow = Math.Max(low, 0m);
        var windowHigh = windowLow <= high ? Math.Min(high, windowLow + Window) : high;
        if (windowLow > windowHigh)
        {
            windowLow = high < decimal.MinValue + Window ? low : Math.Max(low, high - Window);
        }

        return (windowLow, windowHigh);
    }

    /// <summary>The inclusive range a value may take (on a grid of <paramref name="step"/> for exclusive bounds): the
    /// field's bounds and its XDM type's range.</summary>
    private static (decimal Low, decimal High) Range(JsonObject field, decimal step)
    {
        var low = Number(field["minimum"]) ?? decimal.MinValue;
        var high = Number(field["maximum"]) ?? decimal.MaxValue;
        if (field["exclusiveMinimum"] is JsonValue exMin)
        {
            low = exMin.GetValueKind() == JsonValueKind.True ? low + step : Math.Max(low, (Number(exMin) ?? decimal.MinValue + step) + step);
        }

        if (field["exclusiveMaximum"] is JsonValue exMax)
        {
            high = exMax.GetValueKind() == JsonValueKind.True ? high - step : Math.Min(high, (Number(exMax) ?? decimal.MaxValue - step) - step);
        }

        if (XdmValidationSchema.RangeOf(Text(field["meta:xdmType"])) is { } range)
        {
            low = Math.Max(low, range.Min);
            high = Math.Min(high, range.Max);
        }

        return (low, high);
    }

    /// <summary>A value in [low, high] on a grid of <paramref name="step"/>, chosen by the field's path.</summary>
    private static decimal Pick(decimal low, decimal high, string path, decimal step)
    {
        if (high <= low)
        {
            return low;
        }

        var slots = Math.Floor((high - low) / step) + 1;
        return low + ((Hash(path) % slots) * step);
    }

    /// <summary>The <c>const</c>, a fitting <c>default</c> or <c>examples</c> value, or the first <c>enum</c> value.</summary>
    private static JsonNode? Given(JsonObject field, string? type)
    {
        if (field["const"] is { } constant)
        {
            return constant.DeepClone();
        }

        var candidates = new List<JsonNode?> { field["default"] };
        candidates.AddRange(field["examples"] as JsonArray ?? []);
        foreach (var candidate in candidates)
        {
            if (candidate is JsonValue value && Fits(value, field, type))
            {
                return value.DeepClone();
            }
        }

        return (field["enum"] as JsonArray)?.FirstOrDefault(v => v is not null)?.DeepClone();
    }

    private static bool Fits(JsonValue value, JsonObject field, string? type)
    {
        if (field["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            return false;
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.String when type == "string":
                var text = value.GetValue<string>();
                var format = Text(field["format"]);
                var pattern = Text(field["pattern"]);
                return (format is null || XdmFormats.IsValid(format, text))
                    && (pattern is null || Matches(pattern, text))
                    && text.Length >= (Count(field["minLength"]) ?? 0)
                    && text.Length <= (Count(field["maxLength"]) ?? int.MaxValue);
            case JsonValueKind.Number when type is "integer" or "number":
                var (low, high) = Range(field, type == "integer" ? 1m : 0.01m);
                return Number(value) is { } n && (type == "number" || n == decimal.Truncate(n)) && n >= low && n <= high;
            case JsonValueKind.True or JsonValueKind.False:
                return type == "boolean";
            default:
                return false;
        }
    }

    private static string? TypeOf(JsonObject field)
    {
        var type = field["type"] switch
        {
            JsonArray types => types.Select(Text).FirstOrDefault(t => t is not null and not "null"),
            var single => Text(single),
        };
        return type ?? (field["properties"] is JsonObject || field["additionalProperties"] is JsonObject ? "object" : null);
    }

    private static bool Matches(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (Exception ex) when (ex is ArgumentException or RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>FNV-1a of the path: stable across processes (unlike <see cref="string.GetHashCode()"/>).</summary>
    private static uint Hash(string path)
    {
        var hash = 2166136261u;
        foreach (var c in path)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static decimal? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static int? Count(JsonNode? node) => Number(node) is { } n && n >= 0 && n <= int.MaxValue ? (int)n : null;
}
