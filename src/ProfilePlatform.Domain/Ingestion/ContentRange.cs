using System.Globalization;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>The <c>Content-Range</c> of a large-file part (PATCH .../files/{name}): <c>bytes {first}-{last}/{total}</c>
/// (RFC 9110 §14.4), with <c>/*</c> or no total when the producer does not say; the docs write only
/// "bytes {CONTENT_RANGE}" (help/ingestion/batch-ingestion/api-overview.md).</summary>
public sealed record ContentRange(long First, long Last, long? Total)
{
    /// <summary>Bytes the range covers.</summary>
    public long Length => Last - First + 1;

    public static ContentRange Parse(string? header)
    {
        var text = header?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw Invalid("The Content-Range header is required on a large-file part: send 'bytes {first}-{last}/{total}', e.g. 'bytes 0-1048575/5242880'.");
        }

        var spec = text.StartsWith("bytes", StringComparison.OrdinalIgnoreCase) ? text[5..].TrimStart(' ', '=') : text;
        var slash = spec.IndexOf('/', StringComparison.Ordinal);
        var range = slash < 0 ? spec : spec[..slash];
        var totalText = slash < 0 ? null : spec[(slash + 1)..].Trim();
        var dash = range.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !long.TryParse(range[..dash].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !long.TryParse(range[(dash + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            || last < first)
        {
            throw Invalid($"The Content-Range '{Short(text)}' is not 'bytes {{first}}-{{last}}/{{total}}' with first <= last.");
        }

        long? total = null;
        if (totalText is not (null or "*"))
        {
            if (!long.TryParse(totalText, NumberStyles.None, CultureInfo.InvariantCulture, out var t) || t <= last)
            {
                throw Invalid($"The Content-Range '{Short(text)}' gives a total size that does not hold bytes {first}-{last}.");
            }

            total = t;
        }

        return new ContentRange(first, last, total);
    }

    private static AepException Invalid(string detail) => new(ErrorCatalog.Ingestion.InvalidRequest, detail);

    private static string Short(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
