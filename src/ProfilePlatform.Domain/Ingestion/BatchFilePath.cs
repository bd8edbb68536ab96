using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>The path a file is uploaded under (batch-ingestion.yaml <c>filePath</c>: "The directory structure denoted in
/// this path is preserved and can be used to denote partitions"), e.g. <c>2024/01/profiles.json</c>.</summary>
/// <remarks>Files are kept in the store, never on a file system, but a name is still echoed in listings and download
/// links, so it must be a plain relative path: segments of printable characters separated by single <c>/</c>, none of
/// them <c>.</c> or <c>..</c>, no backslash and no encoded slash (<c>%2F</c>, which the web server leaves encoded), at
/// most 1,024 characters (AEP's URLs stop at 2,000).</remarks>
public static class BatchFilePath
{
    public const int MaxLength = 1024;

    /// <summary>The path, checked; a 400 names what is wrong with it.</summary>
    public static string Validate(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw Invalid("The file path is empty: name the file in the URL, e.g. .../files/profiles.json.");
        }

        if (path.Length > MaxLength)
        {
            throw Invalid($"The file path is {path.Length} characters long; at most {MaxLength} are accepted.");
        }

        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsControl(c) || c == '\\' || char.IsSurrogate(c))
            {
                throw Invalid($"The file path '{Shown(path)}' contains a control character or a backslash: use printable characters and '/' between folders.");
            }
        }

        if (path.Contains("%2f", StringComparison.OrdinalIgnoreCase) || path.Contains("%5c", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid($"The file path '{Shown(path)}' contains an encoded slash: write folders with a plain '/'.");
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0)
            {
                throw Invalid($"The file path '{Shown(path)}' has an empty folder name (a leading, trailing or doubled '/'): write it as folder/file.json.");
            }

            if (segment is "." or ".." || segment.Trim().Length == 0)
            {
                throw Invalid($"The file path '{Shown(path)}' has the folder name '{segment}': a path stays inside its batch, so '.', '..' and blank names are refused.");
            }
        }

        return path;
    }

    private static string Shown(string path)
    {
        var printable = new string([.. path.Take(128).Select(c => char.IsControl(c) ? '?' : c)]);
        return path.Length <= 128 ? printable : printable + "...";
    }

    private static AepException Invalid(string detail) => new(ErrorCatalog.Ingestion.InvalidRequest, detail);
}
