using System.Globalization;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Catalog.Query;

/// <summary>A Catalog list query as AEP reads it (help/catalog/api/filter-data.md): <c>limit</c> (default 20, 1..100),
/// <c>start</c> (zero-based offset), <c>orderBy</c>, <c>properties</c>, simple filters <c>{property}={value}</c>,
/// <c>property=</c> expressions, <c>tags=</c>, <c>createdAfter</c>/<c>createdBefore</c>; all conditions ANDed.</summary>
/// <remarks>Pure: it filters, sorts, pages and projects the JSON objects Catalog returns. A store may answer the
/// indexed part itself (<see cref="ForStore"/>); whatever it returns, <see cref="Apply"/> gives the same answer.</remarks>
public sealed class CatalogQuery
{
    /// <summary>Most keys <c>orderBy</c> may list.</summary>
    public const int MaxOrderKeys = 8;

    /// <summary>Longest property name accepted in a parameter.</summary>
    public const int MaxPropertyNameLength = 128;

    private static readonly CatalogOrder DefaultOrder = new("created", Descending: false);

    private CatalogQuery(int limit, int start, IReadOnlyList<CatalogOrder> orderBy, IReadOnlyList<string>? properties, IReadOnlyList<CatalogFilter> filters)
    {
        Limit = limit;
        Start = start;
        OrderBy = orderBy;
        Properties = properties;
        Filters = filters;
    }

    public int Limit { get; }

    public int Start { get; }

    /// <summary>The sort keys; empty means chronological (<c>created</c> ascending), as AEP lists.</summary>
    public IReadOnlyList<CatalogOrder> OrderBy { get; }

    /// <summary>The top-level properties to return, or null for all.</summary>
    public IReadOnlyList<string>? Properties { get; }

    public IReadOnlyList<CatalogFilter> Filters { get; }

    /// <summary>A query with defaults and no conditions.</summary>
    public static CatalogQuery All { get; } = new(CatalogQueryRules.DefaultLimit, 0, [], null, []);

    /// <summary>Reads the query parameters of a list request; any parameter it cannot apply is a 400 naming it.</summary>
    public static CatalogQuery Parse(IEnumerable<KeyValuePair<string, string>> parameters, CatalogQueryRules rules)
    {
        int? limit = null;
        int? start = null;
        IReadOnlyList<CatalogOrder>? orderBy = null;
        IReadOnlyList<string>? properties = null;
        long? createdAfter = null;
        long? createdBefore = null;
        var filters = new List<CatalogFilter>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (key, raw) in parameters)
        {
            if (string.IsNullOrEmpty(key) || rules.Ignored.Contains(key))
            {
                continue;
            }

            var value = raw ?? "";
            switch (key)
            {
                case "limit":
                    Once(seen, key);
                    limit = Integer(key, value);
                    break;
                case "start":
                    Once(seen, key);
                    start = Integer(key, value);
                    if (start < 0)
                    {
                        throw Invalid($"Query parameter 'start' is {start}: use a zero-based offset, 0 or more.");
                    }

                    break;
                case "orderBy" or "sort":
                    Once(seen, "orderBy");
                    orderBy = ParseOrderBy(key, value);
                    break;
                case "properties":
                    Once(seen, key);
                    properties = ParseProperties(value);
                    break;
                case "property":
                    filters.Add(ParseExpression(value));
                    break;
                case "tags":
                    filters.AddRange(ParseTags(value));
                    break;
                case "createdAfter":
                    Once(seen, key);
                    createdAfter = Long(key, value);
                    break;
                case "createdBefore":
                    Once(seen, key);
                    createdBefore = Long(key, value);
                    break;
                default:
                    if (rules.Special.TryGetValue(key, out var special))
                    {
                        filters.Add(special(SplitValues(key, value)));
                    }
                    else
                    {
                        filters.Add(ParseSimpleFilter(key, value, rules.Wildcard.Contains(key)));
                    }

                    break;
            }
        }

        if (createdAfter is not null || createdBefore is not null)
        {
            filters.Add(new CreatedRangeFilter(createdAfter, createdBefore));
        }

        var max = rules.ObservableSchemaLimit && properties?.Contains("observableSchema") == true
            ? CatalogQueryRules.MaxLimitWithObservableSchema
            : CatalogQueryRules.MaxLimit;
        var take = limit ?? Math.Min(CatalogQueryRules.DefaultLimit, max);
        if (take < 1 || take > max)
        {
            throw Invalid(max == CatalogQueryRules.MaxLimit
                ? $"Query parameter 'limit' is {take}: use an integer from 1 to {max}."
                : $"Query parameter 'limit' is {take}: with 'observableSchema' in 'properties' at most {max} datasets are returned; use 1 to {max}.");
        }

        return new CatalogQuery(take, start ?? 0, orderBy ?? [], properties, filters);
    }

    /// <summary>Whether an object (listed under <paramref name="id"/>) meets every condition.</summary>
    public bool Matches(string id, JsonObject item) => Filters.All(f => f.Matches(id, item));

    /// <summary>The requested page: matching objects, sorted (then by id), offset and limited. With
    /// <paramref name="pagedByStore"/> the store already sorted and paged (<see cref="CatalogStoreQuery.IsPaged"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonObject>> Apply(IEnumerable<KeyValuePair<string, JsonObject>> items, bool pagedByStore = false)
    {
        var matching = items.Where(kv => Matches(kv.Key, kv.Value));
        if (pagedByStore)
        {
            return [.. matching];
        }

        var keys = OrderBy.Count == 0 ? [DefaultOrder] : OrderBy;
        return [.. matching.Order(Comparer<KeyValuePair<string, JsonObject>>.Create((a, b) => Compare(keys, a, b))).Skip(Start).Take(Limit)];
    }

    /// <summary>The list response: an object keyed by id, in page order, each projected to <see cref="Properties"/>.</summary>
    public JsonObject ToResponse(IEnumerable<KeyValuePair<string, JsonObject>> page)
    {
        var response = new JsonObject();
        foreach (var (id, item) in page)
        {
            response[id] = Project(item);
        }

        return response;
    }

    /// <summary>Only the requested top-level properties; an object holding none of them becomes <c>{}</c>.</summary>
    public JsonObject Project(JsonObject item)
    {
        if (Properties is null)
        {
            return (JsonObject)item.DeepClone();
        }

        var projected = new JsonObject();
        foreach (var property in Properties)
        {
            if (item.TryGetPropertyValue(property, out var value))
            {
                projected[property] = value?.DeepClone();
            }
        }

        return projected;
    }

    /// <summary>What a store with these columns can answer itself: equality on its columns and the created range as
    /// a pre-filter, and, when those are all the conditions and the sort keys are columns too, the page itself.</summary>
    public CatalogStoreQuery ForStore(CatalogColumns columns)
    {
        var equal = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        long? after = null;
        long? before = null;
        var covered = true;
        foreach (var filter in Filters)
        {
            switch (filter)
            {
                case CreatedRangeFilter range:
                    after = Max(after, range.After);
                    before = Min(before, range.Before);
                    break;
                case IdFilter ids when columns.Filterable.Contains("id"):
                    equal.Add(new("id", ids.Ids));
                    break;
                case RelatedObjectFilter related when columns.Filterable.Contains(related.Type):
                    equal.Add(new(related.Type, related.Ids));
                    break;
                case ValueListFilter list when list.IsPlainEquality && columns.Filterable.Contains(list.Property):
                    equal.Add(new(list.Property, list.Exact));
                    break;
                default:
                    covered = false;
                    break;
            }
        }

        var keys = OrderBy.Count == 0 ? [DefaultOrder] : OrderBy;
        var paged = covered && keys.All(k => columns.Sortable.Contains(k.Property));
        return new CatalogStoreQuery
        {
            CreatedAfter = after,
            CreatedBefore = before,
            Equal = equal,
            OrderBy = paged ? keys : null,
            Skip = paged ? Start : 0,
            Take = paged ? Limit : 0,
        };
    }

    private static int Compare(IReadOnlyList<CatalogOrder> keys, KeyValuePair<string, JsonObject> a, KeyValuePair<string, JsonObject> b)
    {
        foreach (var key in keys)
        {
            var c = CatalogValues.Compare(a.Value[key.Property], b.Value[key.Property]);
            if (c != 0)
            {
                return key.Descending ? -c : c;
            }
        }

        return string.CompareOrdinal(a.Key, b.Key);
    }

    private static List<CatalogOrder> ParseOrderBy(string key, string value)
    {
        var items = value.Split(',');
        if (items.Length > MaxOrderKeys)
        {
            throw Invalid($"Query parameter '{key}' lists {items.Length} sort keys; at most {MaxOrderKeys} are accepted.");
        }

        var keys = new List<CatalogOrder>();
        foreach (var item in items)
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var direction = colon < 0 ? "asc" : item[..colon];
            var property = colon < 0 ? item : item[(colon + 1)..];
            if (direction is not ("asc" or "desc") || !IsPropertyName(property))
            {
                throw Invalid($"Query parameter '{key}' has '{Shorten(item)}': each sort key is asc:{{property}}, desc:{{property}} or a bare top-level property name, e.g. orderBy=desc:created,name.");
            }

            keys.Add(new CatalogOrder(property, direction == "desc"));
        }

        return keys;
    }

    private static List<string> ParseProperties(string value)
    {
        var names = value.Split(',').Select(n => n.Trim()).ToList();
        foreach (var name in names.Where(n => !IsPropertyName(n)))
        {
            throw Invalid($"Query parameter 'properties' has '{Shorten(name)}': list top-level property names separated by commas, e.g. properties=name,schemaRef.");
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private static PropertyExpressionFilter ParseExpression(string value)
    {
        if (value.StartsWith('!'))
        {
            var missing = value[1..];
            return IsPropertyName(missing)
                ? new PropertyExpressionFilter(missing, PropertyOperator.Missing)
                : throw BadExpression(value);
        }

        var end = 0;
        while (end < value.Length && IsNameChar(value[end]))
        {
            end++;
        }

        var name = value[..end];
        if (!IsPropertyName(name))
        {
            throw BadExpression(value);
        }

        if (end == value.Length)
        {
            return new PropertyExpressionFilter(name, PropertyOperator.Exists);
        }

        var rest = value[end..];
        (string Token, PropertyOperator Op)[] operators =
        [
            ("==", PropertyOperator.Equal), ("!=", PropertyOperator.NotEqual), ("<=", PropertyOperator.LessThanOrEqual),
            (">=", PropertyOperator.GreaterThanOrEqual), ("~", PropertyOperator.Matches), ("<", PropertyOperator.LessThan),
            (">", PropertyOperator.GreaterThan),
        ];
        foreach (var (token, op) in operators)
        {
            if (rest.StartsWith(token, StringComparison.Ordinal))
            {
                return new PropertyExpressionFilter(name, op, rest[token.Length..]);
            }
        }

        throw BadExpression(value);
    }

    private static List<TagFilter> ParseTags(string value)
    {
        var filters = new List<TagFilter>();
        foreach (var pair in value.Split(','))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon > MaxPropertyNameLength)
            {
                throw Invalid($"Query parameter 'tags' has '{Shorten(pair)}': each entry is {{TAG_NAME}}:{{TAG_VALUE}} (the value may use *), e.g. tags=unifiedProfile:enabled:true,adobe/pqs/table:*.");
            }

            filters.Add(new TagFilter(pair[..colon], pair[(colon + 1)..]));
        }

        return filters;
    }

    private static ValueListFilter ParseSimpleFilter(string key, string value, bool wildcards)
    {
        if (!IsPropertyName(key))
        {
            throw Invalid($"Query parameter '{Shorten(key)}' is neither a Catalog parameter (limit, start, orderBy, properties, property, tags, createdAfter, createdBefore) nor a top-level property name to filter on.");
        }

        var negated = value.StartsWith('!');
        return new ValueListFilter(key, SplitValues(key, negated ? value[1..] : value), negated, wildcards);
    }

    private static string[] SplitValues(string key, string value)
    {
        var values = value.Split(',');
        return values.Length <= CatalogQueryRules.MaxLimit
            ? values
            : throw Invalid($"Query parameter '{key}' lists {values.Length} values; at most {CatalogQueryRules.MaxLimit} are accepted.");
    }

    private static void Once(HashSet<string> seen, string key)
    {
        if (!seen.Add(key))
        {
            throw Invalid($"Query parameter '{key}' is given more than once: send it once.");
        }
    }

    private static int Integer(string key, string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw Invalid($"Query parameter '{key}' is '{Shorten(value)}': use an integer.");

    private static long Long(string key, string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw Invalid($"Query parameter '{key}' is '{Shorten(value)}': use a Unix timestamp in milliseconds.");

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    /// <summary>A top-level property name as Catalog objects use them: letters, digits and underscores.</summary>
    public static bool IsPropertyName(string name) =>
        name.Length is > 0 and <= MaxPropertyNameLength && !char.IsAsciiDigit(name[0]) && name.All(IsNameChar);

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static AepException BadExpression(string value) =>
        Invalid($"Query parameter 'property' has '{Shorten(value)}': use name, !name, name~regex, name==value, name!=value, name<value, name<=value, name>value or name>=value on a top-level property.");

    private static AepException Invalid(string detail) => new(ErrorCatalog.Catalog.InvalidQuery, detail);

    /// <summary>Client text quoted in an error, cut so a huge parameter cannot make a huge response.</summary>
    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
