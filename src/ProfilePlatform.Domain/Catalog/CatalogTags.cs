using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>The <c>tags</c> of a Catalog object: names mapped to arrays of strings, in the order they were given.</summary>
/// <remarks>Reserved names (help/catalog/api/filter-data.md §"Filter by tag"): <c>unifiedProfile</c> and
/// <c>unifiedIdentity</c> switch a dataset into Real-Time Customer Profile and Identity Service with the value
/// <c>"enabled:true"</c> (help/catalog/datasets/enable-for-profile.md; catalog.yaml's example writes
/// <c>"enabled: true"</c>, so blanks around the colon are allowed).</remarks>
public sealed class CatalogTags
{
    public const string UnifiedProfile = "unifiedProfile";
    public const string UnifiedIdentity = "unifiedIdentity";

    /// <summary>Most tags one object may carry.</summary>
    public const int MaxTags = 100;

    /// <summary>Most values one tag may hold.</summary>
    public const int MaxValues = 100;

    /// <summary>Longest tag name accepted.</summary>
    public const int MaxNameLength = 256;

    private readonly List<KeyValuePair<string, IReadOnlyList<string>>> _tags;

    private CatalogTags(List<KeyValuePair<string, IReadOnlyList<string>>> tags) => _tags = tags;

    public static CatalogTags None { get; } = new([]);

    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> All => _tags;

    public int Count => _tags.Count;

    /// <summary>The values of a tag, or null when the object does not carry it.</summary>
    public IReadOnlyList<string>? this[string name] => _tags.FirstOrDefault(t => t.Key == name).Value;

    /// <summary>Whether the dataset is switched into Profile (<c>unifiedProfile: ["enabled:true"]</c>).</summary>
    public bool ProfileEnabled => IsEnabled(UnifiedProfile);

    /// <summary>Whether the dataset is switched into Identity Service (<c>unifiedIdentity: ["enabled:true"]</c>).</summary>
    public bool IdentityEnabled => IsEnabled(UnifiedIdentity);

    public static CatalogTags Of(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> tags)
    {
        var list = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var (name, values) in tags)
        {
            list.RemoveAll(t => t.Key == name);
            list.Add(new(name, [.. values]));
        }

        return new CatalogTags(list);
    }

    /// <summary>Reads <c>tags</c> from a request body: an object whose members are arrays of strings.</summary>
    public static CatalogTags Parse(JsonNode? node, string path = "tags")
    {
        if (node is null)
        {
            return None;
        }

        if (node is not JsonObject tags)
        {
            throw CatalogJson.Invalid($"Field '{path}' must be an object mapping tag names to arrays of strings, e.g. {{\"unifiedProfile\":[\"enabled:true\"]}}; it is {CatalogJson.Kind(node)}.");
        }

        if (tags.Count > MaxTags)
        {
            throw CatalogJson.Invalid($"Field '{path}' has {tags.Count} tags; at most {MaxTags} are accepted.");
        }

        var list = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var (name, value) in tags)
        {
            if (name.Length is 0 or > MaxNameLength)
            {
                throw CatalogJson.Invalid($"Field '{path}' has a tag name of {name.Length} characters: use 1 to {MaxNameLength}.");
            }

            if (value is not JsonArray items || items.Any(i => i is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
            {
                throw CatalogJson.Invalid($"Tag '{path}.{name}' must be an array of strings, e.g. [\"enabled:true\"]; it is {CatalogJson.Kind(value)}{(value is JsonArray ? " holding other values" : "")}.");
            }

            if (items.Count > MaxValues)
            {
                throw CatalogJson.Invalid($"Tag '{path}.{name}' has {items.Count} values; at most {MaxValues} are accepted.");
            }

            list.Add(new(name, [.. items.Select(i => i!.GetValue<string>())]));
        }

        return new CatalogTags(list);
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (name, values) in _tags)
        {
            json[name] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
        }

        return json;
    }

    /// <summary>These tags with one more (or one replaced).</summary>
    public CatalogTags With(string name, IReadOnlyList<string> values) =>
        Of([.. _tags, new KeyValuePair<string, IReadOnlyList<string>>(name, values)]);

    public override string ToString() => ToJson().ToJsonString();

    private bool IsEnabled(string name) =>
        this[name] is { } values && values.Any(v => string.Equals(
            string.Concat(v.Where(c => !char.IsWhiteSpace(c))), "enabled:true", StringComparison.OrdinalIgnoreCase));
}
