using System.Globalization;

namespace ProfilePlatform.Domain.Profile.Entities;

/// <summary>The parameters GET (query) and POST (body) requests share, validated the same way: <c>fields</c>, the time
/// filter, <c>limit</c>, <c>orderby</c>, <c>withCA</c>.</summary>
public static class EntityParameters
{
    /// <summary>The default and largest number of events per page ("Default: 1000"); a larger <c>limit</c> is served
    /// as 1000 with a next page [unverified: AEP documents no maximum].</summary>
    public const int MaxLimit = 1000;

    /// <summary>Most paths one <c>fields</c> takes [unverified bound].</summary>
    public const int MaxFields = 100;

    /// <summary>Longest path in <c>fields</c> [unverified bound].</summary>
    public const int MaxFieldLength = 512;

    /// <summary>9999-12-31T23:59:59.999Z in epoch milliseconds.</summary>
    public const long MaxEpochMillis = 253_402_300_799_999;

    /// <summary><c>fields</c> paths: comma separated in a query ("separate values by a comma with no spaces"), dot
    /// paths. Empty items are skipped; null when none is left (all fields).</summary>
    public static IReadOnlyList<string>? Fields(IEnumerable<string> items, string parameter)
    {
        var fields = new List<string>();
        foreach (var raw in items)
        {
            var field = raw.Trim();
            if (field.Length == 0)
            {
                continue;
            }

            if (field.Length > MaxFieldLength || field.Split('.').Any(part => part.Trim().Length == 0 || part.Length != part.Trim().Length))
            {
                throw EntityErrors.Invalid($"Parameter '{parameter}' item '{EntityErrors.Short(field)}' is not a field path: write dot-separated XDM field names such as person.name.firstName (at most {MaxFieldLength} characters).");
            }

            fields.Add(field);
        }

        if (fields.Count > MaxFields)
        {
            throw EntityErrors.Invalid($"Parameter '{parameter}' names {fields.Count} fields: ask for at most {MaxFields}.");
        }

        return fields.Count == 0 ? null : fields.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>An epoch-milliseconds time (<c>startTime</c> / <c>endTime</c>).</summary>
    public static DateTimeOffset Time(string text, string parameter) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= MaxEpochMillis
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw EntityErrors.Invalid($"Parameter '{parameter}' value '{EntityErrors.Short(text)}' is not a time: give milliseconds since 1970-01-01T00:00:00Z as a whole number, e.g. 1539838505000.");

    /// <summary>A time given as a JSON number (the POST body's <c>timeFilter</c>).</summary>
    public static DateTimeOffset Time(decimal value, string parameter) =>
        value >= 0 && value <= MaxEpochMillis && value == decimal.Truncate(value)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)value)
            : throw EntityErrors.Invalid($"Field '{parameter}' value {value.ToString(CultureInfo.InvariantCulture)} is not a time: give milliseconds since 1970-01-01T00:00:00Z as a whole number, e.g. 1539838505000.");

    /// <summary>Checks that the range is not empty (start inclusive, end exclusive).</summary>
    public static void TimeRange(DateTimeOffset? start, DateTimeOffset? end, string startName, string endName)
    {
        if (start is { } s && end is { } e && s >= e)
        {
            throw EntityErrors.Invalid($"'{startName}' ({s.ToUnixTimeMilliseconds()}) must be before '{endName}' ({e.ToUnixTimeMilliseconds()}): the start is included, the end excluded.");
        }
    }

    /// <summary><c>limit</c>: a whole number from 1; above <see cref="MaxLimit"/> it is served as <see cref="MaxLimit"/>.</summary>
    public static int Limit(string text, string parameter) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? Limit((decimal)n, parameter)
            : decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d < long.MaxValue
                ? Limit(d, parameter)
                : throw LimitError(text, parameter);

    public static int Limit(decimal value, string parameter) =>
        value >= 1 && value == decimal.Truncate(value)
            ? (int)Math.Min(value, MaxLimit)
            : throw LimitError(value.ToString(CultureInfo.InvariantCulture), parameter);

    /// <summary><c>orderby</c>: <c>(+/-)timestamp</c>, ascending by default; true for descending. A <c>+</c> sent
    /// unencoded in a query arrives as a space and is read as <c>+</c>.</summary>
    public static bool Descending(string text, string parameter) => text.Trim() switch
    {
        "timestamp" or "+timestamp" => false,
        "-timestamp" => true,
        _ => throw EntityErrors.Invalid($"Parameter '{parameter}' value '{EntityErrors.Short(text)}' is not a sort order: use +timestamp (oldest first, the default) or -timestamp (newest first)."),
    };

    public static bool Flag(string text, string parameter) => text.Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw EntityErrors.Invalid($"Parameter '{parameter}' value '{EntityErrors.Short(text)}' must be true or false."),
    };

    private static Errors.AepException LimitError(string text, string parameter) =>
        EntityErrors.Invalid($"Parameter '{parameter}' value '{EntityErrors.Short(text)}' is not a limit: give a whole number of events from 1 (the default and the most per page is {MaxLimit}).");
}
