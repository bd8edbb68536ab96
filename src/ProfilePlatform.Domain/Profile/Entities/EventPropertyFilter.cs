using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Profile.Entities;

/// <summary>One <c>property</c> filter of an events lookup: "Filters by the property value. Supports the following
/// evaluators: =, !=, &lt;, &lt;=, &gt;, &gt;=. Can only be used with experience events, with a maximum of three
/// properties" — e.g. <c>web.webPageDetails.isHomepage=false</c>, <c>placeContext.localTime&lt;="2020-07-20"</c>
/// (help/profile/api/entities.md, profile.yaml).</summary>
/// <remarks>
/// How values compare (the docs give only the examples) [unverified]: <c>true</c>/<c>false</c> compare with JSON
/// booleans (= and != only); a number with JSON numbers; a date written <c>yyyy-mm-dd</c> or <c>yyyymmdd</c> ("date
/// filters must be encoded as a string in the format") with the calendar day (UTC) of a date-time string; anything
/// else, quoted or not, as an ordinal string. An event without the field, or with a value of another type, matches no
/// operator (SQL's NULL rule).
/// </remarks>
public sealed record EventPropertyFilter(IReadOnlyList<string> Path, string Operator, string Value, bool Quoted)
{
    /// <summary>"a maximum of three properties being supported".</summary>
    public const int MaxFilters = 3;

    private static readonly string[] Operators = ["!=", "<=", ">=", "=", "<", ">"];

    public static EventPropertyFilter Parse(string text, string parameter)
    {
        // The first operator character ends the path: field names never contain = ! < >.
        var at = text.IndexOfAny(['=', '!', '<', '>']);
        var op = at < 0 ? null : Operators.FirstOrDefault(o => string.CompareOrdinal(text, at, o, 0, o.Length) == 0);
        var path = at < 0 ? text : text[..at].Trim();
        if (op is null || path.Length == 0 || path.Split('.').Any(p => p.Trim().Length == 0 || p.Length != p.Trim().Length))
        {
            throw EntityErrors.Invalid($"Parameter '{parameter}' value '{EntityErrors.Short(text)}' is not a property filter: write <field path><operator><value> with one of = != < <= > >=, e.g. web.webPageDetails.isHomepage=true or placeContext.localTime<=\"2020-07-20\".");
        }

        var value = text[(at + op.Length)..].Trim();
        var quoted = value.Length >= 2 && value[0] == '"' && value[^1] == '"';
        return new EventPropertyFilter(path.Split('.'), op, quoted ? value[1..^1] : value, quoted);
    }

    /// <summary>Whether <paramref name="record"/> passes the filter.</summary>
    public bool Matches(JsonObject record)
    {
        JsonNode? node = record;
        foreach (var name in Path)
        {
            node = node is JsonObject o ? o[name] : null;
        }

        if (node is not JsonValue field)
        {
            return false;
        }

        var kind = field.GetValueKind();
        if (!Quoted && Value is "true" or "false")
        {
            return kind is JsonValueKind.True or JsonValueKind.False
                && Operator is "=" or "!=" && (field.GetValue<bool>() == (Value == "true")) == (Operator == "=");
        }

        if (!Quoted && decimal.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return kind == JsonValueKind.Number && field.TryGetValue<decimal>(out var actual) && Holds(actual.CompareTo(number));
        }

        if (kind != JsonValueKind.String || !field.TryGetValue<string>(out var text))
        {
            return false;
        }

        if (Day(Value) is { } day)
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
                && Holds(DateOnly.FromDateTime(at.UtcDateTime).CompareTo(day));
        }

        return Holds(string.CompareOrdinal(text, Value));
    }

    private bool Holds(int comparison) => Operator switch
    {
        "=" => comparison == 0,
        "!=" => comparison != 0,
        "<" => comparison < 0,
        "<=" => comparison <= 0,
        ">" => comparison > 0,
        _ => comparison >= 0,
    };

    private static DateOnly? Day(string value) =>
        DateOnly.TryParseExact(value, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
