using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Catalog.Query;

/// <summary>A simple filter, <c>{PROPERTY}={VALUE}</c>: the property equals one of the values (<c>name=a,b</c>), or
/// with a leading <c>!</c> none of them (<c>name=!a,b</c>); <c>name</c> values take the <c>*</c> wildcard
/// (help/catalog/api/filter-data.md §"Using simple filters").</summary>
/// <remarks>An object without the property fails a positive filter and passes a negated one.</remarks>
public sealed record ValueListFilter : CatalogFilter
{
    private readonly Regex?[] _patterns;

    public ValueListFilter(string property, IReadOnlyList<string> values, bool negated, bool wildcards)
    {
        Property = property;
        Values = values;
        Negated = negated;
        _patterns = [.. values.Select(v => wildcards && CatalogWildcard.HasWildcard(v) ? CatalogWildcard.ToRegex(v) : null)];
        Exact = wildcards ? [.. values.Select(CatalogWildcard.Unescape)] : values;
    }

    public override string Property { get; }

    public IReadOnlyList<string> Values { get; }

    public bool Negated { get; }

    /// <summary>The values to compare with when none holds a wildcard (<c>**</c> already read as <c>*</c>).</summary>
    public IReadOnlyList<string> Exact { get; }

    /// <summary>A plain "equals one of" condition a store can answer from an indexed column.</summary>
    public bool IsPlainEquality => !Negated && _patterns.All(p => p is null);

    public override bool Matches(string id, JsonObject item)
    {
        var value = item[Property];
        var any = false;
        for (var i = 0; i < Values.Count && !any; i++)
        {
            any = _patterns[i] is { } regex
                ? CatalogValues.Text(value) is { } text && regex.IsMatch(text)
                : CatalogValues.EqualsText(value, Exact[i]);
        }

        return any != Negated;
    }
}
