using System.Globalization;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>Conversions of one value to a field's type, as the types table of help/ingestion/batch-ingestion/api-overview.md
/// allows them: strings to numbers, dates and date-times; numbers to strings and other numbers; Unix epoch milliseconds
/// (a long) to dates and date-times. Booleans and arrays are never converted (same doc).</summary>
/// <remarks>Dates are written as RFC 3339 full-dates (<c>2018-07-10</c>), date-times as RFC 3339 with the offset they
/// came with, UTC (<c>Z</c>) for epoch milliseconds and for strings without an offset — the forms XDM validation
/// requires (help/xdm/schema/field-constraints.md).</remarks>
public static class IngestionValues
{
    private static readonly string[] DateTimeForms =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd",
    ];

    /// <summary>A number text as a JSON integer, when it is one (<c>"42"</c>, <c>"42.0"</c>, <c>"-7"</c>).</summary>
    public static bool TryInteger(string text, out long value)
    {
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d)
            && d >= long.MinValue && d <= long.MaxValue)
        {
            value = (long)d;
            return true;
        }

        return false;
    }

    /// <summary>A number text as a JSON number (<c>"4.20"</c> → <c>4.20</c>); infinities and NaN are not numbers.</summary>
    public static bool TryNumber(string text, out string json)
    {
        text = text.Trim();
        json = "";
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            json = d.ToString(CultureInfo.InvariantCulture);
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && double.IsFinite(f))
        {
            json = f.ToString("R", CultureInfo.InvariantCulture);
            return true;
        }

        return false;
    }

    /// <summary>An ISO 8601 date or date-time text as an RFC 3339 date-time; no offset means UTC.</summary>
    public static bool TryDateTime(string text, out string value)
    {
        value = "";
        if (DateTimeOffset.TryParseExact(text.Trim(), DateTimeForms, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = FormatDateTime(parsed);
            return true;
        }

        return false;
    }

    /// <summary>An ISO 8601 date, or the date of a date-time in its own offset, as an RFC 3339 full-date.</summary>
    public static bool TryDate(string text, out string value)
    {
        value = "";
        if (DateTimeOffset.TryParseExact(text.Trim(), DateTimeForms, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return true;
        }

        return false;
    }

    /// <summary>Unix epoch milliseconds as an RFC 3339 date-time in UTC.</summary>
    public static bool TryEpochDateTime(long milliseconds, out string value)
    {
        value = "";
        if (milliseconds < -62135596800000L || milliseconds > 253402300799999L)
        {
            return false;
        }

        value = FormatDateTime(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));
        return true;
    }

    /// <summary>Unix epoch milliseconds as the UTC date.</summary>
    public static bool TryEpochDate(long milliseconds, out string value)
    {
        value = "";
        if (!TryEpochDateTime(milliseconds, out _))
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>A boolean text (<c>true</c>/<c>false</c> in any case): only CSV cells are read this way, since CSV has no
    /// boolean type of its own.</summary>
    public static bool TryBoolean(string text, out bool value) => bool.TryParse(text.Trim(), out value);

    private static string FormatDateTime(DateTimeOffset value)
    {
        var text = value.ToString(value.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        return text.Replace(".Z", "Z", StringComparison.Ordinal).Replace(".+", "+", StringComparison.Ordinal).Replace(".-", "-", StringComparison.Ordinal);
    }
}
