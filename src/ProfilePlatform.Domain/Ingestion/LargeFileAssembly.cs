using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>Checks that the parts of a large file tile it exactly when the producer completes it: AEP answers 400 when
/// chunks overlap or are missing, because ranges are checked only then (help/ingestion/batch-ingestion/troubleshooting.md,
/// "Why is the Large File Complete API call failing?").</summary>
public static class LargeFileAssembly
{
    /// <summary>The file's size; throws a 400 naming the first gap or overlap, or a size that differs from the total a
    /// part announced.</summary>
    /// <param name="name">The file, for messages.</param>
    /// <param name="pieces">Stored pieces as (offset, length), any order.</param>
    /// <param name="announcedTotal">A total from a part's Content-Range, if any.</param>
    public static long Check(string name, IEnumerable<(long Offset, long Length)> pieces, long? announcedTotal)
    {
        var expected = 0L;
        foreach (var (offset, length) in pieces.OrderBy(p => p.Offset))
        {
            if (offset > expected)
            {
                throw Invalid($"File '{name}' is missing bytes {expected}-{offset - 1}: upload that range with PATCH and a Content-Range header, then complete the file again.");
            }

            if (offset < expected)
            {
                throw Invalid($"File '{name}' has overlapping parts at byte {offset}: upload each range once, or re-upload the file from its start.");
            }

            expected = offset + length;
        }

        if (announcedTotal is { } total && total != expected)
        {
            throw Invalid($"File '{name}' has {expected} bytes but its parts announced {total}: upload bytes {expected}-{total - 1} before completing it.");
        }

        return expected;
    }

    private static AepException Invalid(string detail) => new(ErrorCatalog.Ingestion.InvalidFile, detail);
}
