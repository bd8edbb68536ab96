using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.SchemaRegistry.Descriptors;

/// <summary>Query parameters of a descriptor list: <c>property</c> filters (<c>@type==xdm:descriptorIdentity</c>,
/// <c>xdm:sourceSchema=={$id}</c>, <c>name!=value</c>, a bare name = exists), several params or a comma-separated list
/// ANDed as aepp sends them; and, for the paged <c>-v2</c> Accept, <c>orderby</c>, <c>start</c> and <c>limit</c>.</summary>
/// <remarks><c>start</c> is keyset paging on the first <c>orderby</c> field (schema-registry.yaml). A page never ends
/// inside a run of equal sort values, so no descriptor is skipped when the next page starts strictly after it.</remarks>
public sealed record XdmDescriptorQuery(string OrderBy, bool Descending, string? Start, int Limit, IReadOnlyList<string> Filters)
{
    public const int DefaultLimit = 300;
    public const int MaxLimit = 500;
    private static readonly string[] SortFields = ["@id", "@type", "xdm:sourceSchema", "created", "updated"];

    public static XdmDescriptorQuery Parse(string? orderBy, string? start, string? limit, IReadOnlyList<string> properties)
    {
        var order = string.IsNullOrWhiteSpace(orderBy) ? "@id" : orderBy.Split(',')[0].Trim();
        var descending = order.StartsWith('-');
        var field = order.TrimStart('-', '+');
        if (!SortFields.Contains(field, StringComparer.Ordinal))
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Query parameter 'orderby' value '{orderBy}' is not supported for descriptors: use one of {string.Join(", ", SortFields)}, '-' first for descending.");
        }

        var take = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take > MaxLimit))
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Query parameter 'limit' value '{limit}' is not valid: use 0 to {MaxLimit}.");
        }

        var filters = properties.SelectMany(p => p.Split(',')).Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
        foreach (var filter in filters)
        {
            _ = Split(filter);
        }

        return new XdmDescriptorQuery(field, descending, string.IsNullOrEmpty(start) ? null : start, take, filters);
    }

    /// <summary>The descriptors every filter accepts.</summary>
    public IEnumerable<JsonObject> Filter(IEnumerable<JsonObject> descriptors) => descriptors.Where(d => Filters.All(f => Matches(d, f)));

    /// <summary>One page of the filtered descriptors and the <c>start</c> value of the next (null at the end).</summary>
    public (IReadOnlyList<JsonObject> Page, string? Next) Page(IEnumerable<JsonObject> descriptors)
    {
        var sorted = (Descending
                ? Filter(descriptors).OrderByDescending(SortKey, StringComparer.Ordinal)
                : Filter(descriptors).OrderBy(SortKey, StringComparer.Ordinal))
            .ThenBy(d => Text(d["@id"]), StringComparer.Ordinal)
            .ToList();
        if (Start is not null)
        {
            var from = Normalize(Start);
            sorted = sorted.Where(d => Descending
                ? string.CompareOrdinal(SortKey(d), from) < 0
                : string.CompareOrdinal(SortKey(d), from) > 0).ToList();
        }

        var count = Math.Min(Limit, sorted.Count);
        if (count < sorted.Count && count > 0 && SortKey(sorted[count]) == SortKey(sorted[count - 1]))
        {
            // Do not cut a run of equal keys: step back before it, or take all of it when it fills the page.
            var key = SortKey(sorted[count - 1]);
            var before = count;
            while (before > 0 && SortKey(sorted[before - 1]) == key)
            {
                before--;
            }

            count = before > 0 ? before : sorted.FindLastIndex(d => SortKey(d) == key) + 1;
        }

        var page = sorted.Take(count).ToList();
        var next = count < sorted.Count && page.Count > 0 ? Text(page[^1][OrderBy]) : null;
        return (page, next);
    }

    private string SortKey(JsonObject d) => Normalize(Text(d[OrderBy]));

    /// <summary>Epoch-millisecond fields sort as numbers.</summary>
    private string Normalize(string value) =>
        OrderBy is "created" or "updated" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n.ToString("D20", CultureInfo.InvariantCulture)
            : value;

    private static string Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        null => "",
        _ => node.ToJsonString(),
    };

    private static bool Matches(JsonObject descriptor, string filter)
    {
        var (name, op, value) = Split(filter);
        var node = descriptor[name];
        if (op is null)
        {
            return node is not null;
        }

        var values = node switch
        {
            JsonArray a => a.Select(Text).ToList(),
            null => [],
            _ => [Text(node)],
        };
        return op == "==" ? values.Contains(value!, StringComparer.Ordinal) : !values.Contains(value!, StringComparer.Ordinal);
    }

    private static (string Name, string? Op, string? Value) Split(string filter)
    {
        foreach (var op in new[] { "==", "!=" })
        {
            var at = filter.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return (filter[..at].Trim(), op, filter[(at + op.Length)..].Trim());
            }
        }

        if (filter.IndexOfAny(['<', '>', '=', '!']) >= 0)
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Query parameter 'property' value '{filter}' is not supported: use name==value, name!=value or a bare name.");
        }

        return (filter, null, null);
    }
}
