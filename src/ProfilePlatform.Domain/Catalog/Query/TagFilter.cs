using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProfilePlatform.Domain.Catalog.Query;

/// <summary><c>tags={TAG_NAME}:{TAG_VALUE}</c>: the object has the tag with a value matching the pattern
/// (<c>*</c> wildcard; <c>name:*</c> means "has the tag"), help/catalog/api/filter-data.md §"Filter by tag".</summary>
public sealed record TagFilter : CatalogFilter
{
    private readonly Regex _value;

    public TagFilter(string name, string valuePattern)
    {
        Name = name;
        ValuePattern = valuePattern;
        _value = CatalogWildcard.ToRegex(valuePattern);
    }

    public override string Property => "tags";

    public string Name { get; }

    public string ValuePattern { get; }

    public override bool Matches(string id, JsonObject item) =>
        item["tags"] is JsonObject tags
        && tags[Name] is JsonArray values
        && (ValuePattern == "*" || values.Any(v => CatalogValues.Text(v) is { } text && _value.IsMatch(text)));
}
