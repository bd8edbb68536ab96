using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ProfilePlatform.Domain.SchemaRegistry.Validation;

/// <summary>The string formats XDM fields use, checked strictly and in linear time.</summary>
/// <remarks>NJsonSchema's own format checks are deliberately not used: its date-time check accepts <c>"2019"</c> and
/// <c>"2019-05-15 20:20"</c>, while XDM requires RFC 3339 section 5.6 for every date and date-time
/// (help/xdm/schema/field-constraints.md), and its email check is a backtracking regular expression without a
/// timeout. Formats not listed here are not checked, as JSON Schema specifies for unknown formats.</remarks>
internal static class XdmFormats
{
    private const int MaxDateTimeLength = 64;

    /// <summary>The formats checked, with how a message describes each.</summary>
    public static readonly IReadOnlyDictionary<string, string> Described = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["date-time"] = "a date-time (RFC 3339, e.g. 2019-05-15T20:20:39+00:00)",
        ["date"] = "a date (RFC 3339 full-date, e.g. 2019-05-15)",
        ["email"] = "an email address (e.g. john.smith@example.com)",
        ["uri"] = "an absolute URI (e.g. https://example.com/a)",
        ["uri-reference"] = "a URI reference",
        ["ipv4"] = "an IPv4 address",
        ["ipv6"] = "an IPv6 address",
        ["uuid"] = "a UUID (8-4-4-4-12 hexadecimal digits)",
        ["hostname"] = "a host name",
    };

    public static bool IsKnown(string format) => Described.ContainsKey(format);

    public static bool IsValid(string format, string value) => format switch
    {
        "date-time" => IsDateTime(value),
        "date" => value.Length == 10 && IsFullDate(value),
        "email" => IsEmail(value),
        "uri" => HasScheme(value) && Uri.TryCreate(value, UriKind.Absolute, out _),
        "uri-reference" => !HasWhitespaceOrControl(value) && Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _),
        "ipv4" => IPAddress.TryParse(value, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork && value.Count(c => c == '.') == 3,
        "ipv6" => value.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(value, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6,
        "uuid" => Guid.TryParseExact(value, "D", out _),
        "hostname" => value.Length <= 253 && Uri.CheckHostName(value) == UriHostNameType.Dns,
        _ => true,
    };

    /// <summary><c>yyyy-MM-ddTHH:mm:ss[.fraction](Z|±hh:mm)</c>, a real calendar date and time of day.</summary>
    private static bool IsDateTime(string value)
    {
        if (value.Length < 20 || value.Length > MaxDateTimeLength || !IsFullDate(value.AsSpan(0, 10)) || (value[10] is not ('T' or 't')))
        {
            return false;
        }

        var time = value.AsSpan(11);
        if (!TwoDigits(time, 0, 23) || time[2] != ':' || !TwoDigits(time, 3, 59) || time[5] != ':' || !TwoDigits(time, 6, 60))
        {
            return false;
        }

        var rest = time[8..];
        if (rest.Length > 0 && rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 1)
            {
                return false;
            }

            rest = rest[digits..];
        }

        return rest is "Z" or "z"
            || (rest.Length == 6 && (rest[0] is '+' or '-') && TwoDigits(rest, 1, 23) && rest[3] == ':' && TwoDigits(rest, 4, 59));
    }

    private static bool IsFullDate(ReadOnlySpan<char> value)
    {
        if (value.Length != 10 || value[4] != '-' || value[7] != '-'
            || !int.TryParse(value[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(value.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(value.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            return false;
        }

        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static bool TwoDigits(ReadOnlySpan<char> s, int at, int max) =>
        s.Length >= at + 2 && char.IsAsciiDigit(s[at]) && char.IsAsciiDigit(s[at + 1]) && ((s[at] - '0') * 10) + (s[at + 1] - '0') <= max;

    /// <summary>local@domain: a dot-atom local part (at most 64 characters) and a domain of at least two DNS labels.</summary>
    private static bool IsEmail(string value)
    {
        var at = value.LastIndexOf('@');
        if (at < 1 || at > 64 || value.Length - at - 1 > 253)
        {
            return false;
        }

        var local = value.AsSpan(0, at);
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !"!#$%&'*+/=?^_`{|}~.-".Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        var labels = value[(at + 1)..].Split('.');
        return labels.Length >= 2 && labels.All(l => l.Length is >= 1 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }

    private static bool HasScheme(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!char.IsAsciiLetterOrDigit(value[i]) && value[i] is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return !HasWhitespaceOrControl(value);
    }

    private static bool HasWhitespaceOrControl(string value) => value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}
