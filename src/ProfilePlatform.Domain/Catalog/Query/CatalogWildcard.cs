using System.Text;
using System.Text.RegularExpressions;

namespace ProfilePlatform.Domain.Catalog.Query;

/// <summary>Catalog's <c>*</c> wildcard: matches any run of characters, also none (<c>te*st</c> matches
/// <c>test</c>); <c>**</c> is a literal asterisk (help/catalog/api/filter-data.md).</summary>
public static class CatalogWildcard
{
    /// <summary>Whether <paramref name="pattern"/> holds a wildcard (a lone <c>*</c>).</summary>
    public static bool HasWildcard(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    i++;
                    continue;
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>The pattern with <c>**</c> turned into <c>*</c>, for patterns without a wildcard.</summary>
    public static string Unescape(string pattern) => pattern.Replace("**", "*", StringComparison.Ordinal);

    /// <summary>An anchored regular expression for the pattern; linear-time (no backtracking).</summary>
    public static Regex ToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    sb.Append(@"\*");
                    i++;
                }
                else
                {
                    sb.Append(".*");
                }
            }
            else
            {
                sb.Append(Regex.Escape(pattern[i].ToString()));
            }
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking);
    }
}
