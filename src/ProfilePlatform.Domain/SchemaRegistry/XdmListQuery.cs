using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>Listing parameters of the registry (help/xdm/api/appendix.md §query): <c>orderby</c> (<c>title</c>,
/// <c>-title</c>), <c>start</c> (keyset: the sort value of the last item seen), <c>limit</c>, and <c>property</c>
/// filters (<c>name==v</c>, <c>name!=v</c>, bare <c>name</c> = exists), several ANDed.</summary>
public sealed record XdmListQuery(string OrderBy, bool Descending, string? Start, int Limit, IReadOnlyList<string> Properties)
{
    public const int DefaultLimit = 300;
    public const int MaxLimit = 500;

    public static XdmListQuery Parse(string? orderBy, string? start, string? limit, IReadOnlyList<string> properties)
    {
        var order = string.IsNullOrWhiteSpace(orderBy) ? "title" : orderBy.Trim();
        var descending = order.StartsWith('-');
        var field = order.TrimStart('-', '+');
        if (field is not ("title" or "$id" or "meta:altId" or "version"))
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Query parameter 'orderby' value '{orderBy}' is not supported: use title, -title, $id or version.");
        }

        var take = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit) && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out take) || take > MaxLimit))
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Query parameter 'limit' value '{limit}' is not valid: use 0 to {MaxLimit}.");
        }

        return new XdmListQuery(field, descending, string.IsNullOrEmpty(start) ? null : start, take, properties);
    }

    /// <summary>The page of <paramref name="items"/> this query selects, and the <c>start</c> value of the next page (null at the end).</summary>
    public (IReadOnlyList<JsonObject> Page, string? Next) Apply(IEnumerable<JsonObject> items)
    {
        var filtered = items.Where(Matches);
        var ordered = Descending
            ? filtered.OrderByDescending(Key, StringComparer.Ordinal)
            : filtered.OrderBy(Key, StringComparer.Ordinal);
        var after = Start is null
            ? ordered.ToList()
            : ordered.Where(i => Descending ? string.CompareOrdinal(Key(i), Start) < 0 : string.CompareOrdinal(Key(i), Start) > 0).ToList();
        var page = after.Take(Limit).ToList();
        var next = after.Count > page.Count && page.Count > 0 ? Key(page[^1]) : null;
        return (page, next);
    }

    private string Key(JsonObject item) => item[OrderBy] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private bool Matches(JsonObject item) => Properties.All(p => Matches(item, p));

    private static bool Matches(JsonObject item, string filter)
    {
        var (name, op, value) = Split(filter);
        var node = item[name];
        if (op is null)
        {
            return node is not null;
        }

        var values = node switch
        {
            JsonArray a => a.Select(n => n?.ToString() ?? "").ToList(),
            null => [],
            _ => [node.ToString()],
        };
        return op == "==" ? values.Contains(value!) : !values.Contains(value!);
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

        return (filter.Trim(), null, null);
    }
}
