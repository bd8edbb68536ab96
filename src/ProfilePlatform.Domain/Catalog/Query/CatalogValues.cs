using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Catalog.Query;

/// <summary>How Catalog compares the values of top-level properties when it filters and sorts.</summary>
/// <remarks>Numbers compare as numbers, dotted versions (<c>1.0.10</c> &gt; <c>1.0.9</c>) segment by segment, other strings
/// ordinally. Sorting puts missing and null values first (ascending), then numbers, strings, booleans, and objects
/// or arrays last, as a document store orders mixed types.</remarks>
public static class CatalogValues
{
    /// <summary>The scalar text of a value: a string as is, a number as written, a boolean as <c>true</c>/<c>false</c>;
    /// null for objects, arrays and null.</summary>
    public static string? Text(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() is JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>Whether a value equals an operand given as text: numerically for numbers, ordinally for strings,
    /// case-insensitively for booleans; an array equals the operand when one of its scalar items does.</summary>
    public static bool EqualsText(JsonNode? value, string operand)
    {
        if (value is JsonArray items)
        {
            return items.Any(i => i is not JsonArray && EqualsText(i, operand));
        }

        return Kind(value) switch
        {
            JsonValueKind.Number => TryNumber(operand, out var n) && Number(value!) == n,
            JsonValueKind.String => string.Equals(Text(value), operand, StringComparison.Ordinal),
            JsonValueKind.True => string.Equals(operand, "true", StringComparison.OrdinalIgnoreCase),
            JsonValueKind.False => string.Equals(operand, "false", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>Compares a value with an operand given as text, for <c>&lt;</c>, <c>&gt;</c>...; null when they cannot be
    /// compared (a number against text that is no number, an object, a missing value).</summary>
    public static int? CompareWithText(JsonNode? value, string operand) => Kind(value) switch
    {
        JsonValueKind.Number => TryNumber(operand, out var n) ? Number(value!).CompareTo(n) : null,
        JsonValueKind.String => CompareStrings(Text(value)!, operand),
        _ => null,
    };

    /// <summary>The total order sorting uses.</summary>
    public static int Compare(JsonNode? a, JsonNode? b)
    {
        var (ra, rb) = (Rank(a), Rank(b));
        if (ra != rb)
        {
            return ra.CompareTo(rb);
        }

        return ra switch
        {
            1 => Number(a!).CompareTo(Number(b!)),
            2 => CompareStrings(Text(a)!, Text(b)!),
            3 => Kind(a).CompareTo(Kind(b)) * -1, // false before true
            4 => string.CompareOrdinal(a!.ToJsonString(), b!.ToJsonString()),
            _ => 0,
        };
    }

    /// <summary>Dotted numeric versions segment by segment, anything else ordinally.</summary>
    public static int CompareStrings(string a, string b)
    {
        if (IsVersion(a) && IsVersion(b))
        {
            var (pa, pb) = (a.Split('.'), b.Split('.'));
            for (var i = 0; i < Math.Max(pa.Length, pb.Length); i++)
            {
                var c = CompareDigits(i < pa.Length ? pa[i] : "0", i < pb.Length ? pb[i] : "0");
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }

        return string.CompareOrdinal(a, b);
    }

    private static bool IsVersion(string s) =>
        s.Length is > 0 and <= 64 && s.Split('.').All(p => p.Length > 0 && p.All(char.IsAsciiDigit));

    private static int CompareDigits(string a, string b)
    {
        var (ta, tb) = (a.TrimStart('0'), b.TrimStart('0'));
        return ta.Length != tb.Length ? ta.Length.CompareTo(tb.Length) : string.CompareOrdinal(ta, tb);
    }

    private static int Rank(JsonNode? v) => Kind(v) switch
    {
        JsonValueKind.Number => 1,
        JsonValueKind.String => 2,
        JsonValueKind.True or JsonValueKind.False => 3,
        JsonValueKind.Object or JsonValueKind.Array => 4,
        _ => 0,
    };

    private static JsonValueKind Kind(JsonNode? v) => v?.GetValueKind() ?? JsonValueKind.Null;

    private static decimal Number(JsonNode v) =>
        v.AsValue().TryGetValue<decimal>(out var d) ? d
        : decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : v.GetValue<double>() switch { > 0 => decimal.MaxValue, < 0 => decimal.MinValue, _ => 0 };

    private static bool TryNumber(string s, out decimal n) =>
        decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out n);
}
