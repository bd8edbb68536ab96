using System.Globalization;
using System.Text;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>The query of <c>GET /config/mergePolicies</c> (help/profile/api/merge-policies.md "List multiple merge
/// policies by criteria"): filters <c>schema.name</c>, <c>default</c>, <c>identityGraph.type</c>,
/// <c>attributeMerge.type</c>, <c>isActiveOnEdge</c>, <c>version</c>; paging <c>limit</c> (default 20) and
/// <c>start</c>; <c>orderBy</c> (also spelled <c>orderby</c>, as profile.yaml does) <c>name</c>, <c>+name</c> or
/// <c>-name</c>, name ascending by default.</summary>
/// <remarks><c>start</c> is the offset of the first policy of the page: the spec calls it a "page offset", the docs'
/// next link carries an opaque token [unverified]; the next link this platform sends carries the offset. Beside
/// <c>name</c>, <c>orderBy</c> takes <c>id</c>, <c>version</c> and <c>updateEpoch</c>. Unknown parameters are ignored.</remarks>
public sealed record MergePolicyQuery(
    string? SchemaName,
    bool? IsDefault,
    string? IdentityGraph,
    string? AttributeMerge,
    bool? IsActiveOnEdge,
    int? Version,
    int Limit,
    int Start,
    string OrderBy,
    string OrderByAsSent)
{
    public const int DefaultLimit = 20;

    /// <summary>Largest page [unverified: AEP documents only the default].</summary>
    public const int MaxLimit = 100;

    private static readonly string[] OrderFields = ["name", "id", "version", "updateEpoch"];

    public static MergePolicyQuery Parse(IReadOnlyDictionary<string, IReadOnlyList<string>> query)
    {
        var orderBy = One(query, "orderBy") ?? One(query, "orderby") ?? "";
        var field = orderBy.TrimStart(' ', '+', '-'); // a '+' arrives as a space when the client did not encode it
        if (field.Length > 0 && !OrderFields.Contains(field, StringComparer.Ordinal))
        {
            throw Invalid($"Parameter 'orderBy' value '{MergePolicyErrors.Short(orderBy)}' is not supported: use name, +name or -name (or id, version, updateEpoch).");
        }

        return new MergePolicyQuery(
            SchemaName: One(query, "schema.name"),
            IsDefault: Flag(query, "default"),
            IdentityGraph: Choice(query, "identityGraph.type", IdentityGraphTypes.All),
            AttributeMerge: Choice(query, "attributeMerge.type", AttributeMergeTypes.All),
            IsActiveOnEdge: Flag(query, "isActiveOnEdge"),
            Version: Number(query, "version", 1, int.MaxValue),
            Limit: Number(query, "limit", 1, MaxLimit) ?? DefaultLimit,
            Start: Number(query, "start", 0, int.MaxValue) ?? 0,
            OrderBy: (orderBy.StartsWith('-') ? "-" : "") + (field.Length == 0 ? "name" : field),
            OrderByAsSent: orderBy);
    }

    /// <summary>The matching policies in order, and the total before paging.</summary>
    public (IReadOnlyList<MergePolicy> Page, int Total) Apply(IEnumerable<MergePolicy> policies)
    {
        var matching = policies.Where(Matches);
        var descending = OrderBy.StartsWith('-');
        var ordered = OrderBy.TrimStart('-') switch
        {
            "id" => descending ? matching.OrderByDescending(p => p.Id, StringComparer.Ordinal) : matching.OrderBy(p => p.Id, StringComparer.Ordinal),
            "version" => descending ? matching.OrderByDescending(p => p.Version) : matching.OrderBy(p => p.Version),
            "updateEpoch" => descending ? matching.OrderByDescending(p => p.UpdateEpoch) : matching.OrderBy(p => p.UpdateEpoch),
            _ => descending ? matching.OrderByDescending(p => p.Name ?? "", StringComparer.Ordinal) : matching.OrderBy(p => p.Name ?? "", StringComparer.Ordinal),
        };
        var all = ordered.ToList(); // a stable sort: equal keys keep the store's creation order
        return ([.. all.Skip(Start).Take(Limit)], all.Count);
    }

    /// <summary>The docs' next-page link, <c>@/mergePolicies?start=...&amp;orderBy=...&amp;limit=...</c>, keeping the filters;
    /// an empty string when there is no next page ("If no next page exists, this value will be an empty string").</summary>
    public string NextHref(int pageCount, int total)
    {
        var next = Start + pageCount;
        if (pageCount == 0 || next >= total)
        {
            return "";
        }

        var href = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"@/mergePolicies?start={next}&orderBy={Uri.EscapeDataString(OrderByAsSent)}&limit={Limit}"));
        Append(href, "schema.name", SchemaName);
        Append(href, "default", IsDefault?.ToString().ToLowerInvariant());
        Append(href, "identityGraph.type", IdentityGraph);
        Append(href, "attributeMerge.type", AttributeMerge);
        Append(href, "isActiveOnEdge", IsActiveOnEdge?.ToString().ToLowerInvariant());
        Append(href, "version", Version?.ToString(CultureInfo.InvariantCulture));
        return href.ToString();
    }

    private bool Matches(MergePolicy p) =>
        (SchemaName is null || p.SchemaName == SchemaName)
        && (IsDefault is null || p.Default == IsDefault)
        && (IdentityGraph is null || p.IdentityGraphType == IdentityGraph)
        && (AttributeMerge is null || p.AttributeMerge.Type == AttributeMerge)
        && (IsActiveOnEdge is null || p.IsActiveOnEdge == IsActiveOnEdge)
        && (Version is null || p.Version == Version);

    private static void Append(StringBuilder href, string name, string? value)
    {
        if (value is not null)
        {
            href.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    private static string? One(IReadOnlyDictionary<string, IReadOnlyList<string>> query, string name)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw Invalid($"Parameter '{name}' is given more than once: send it once.");
        }

        return values[0].Length == 0 ? null : values[0];
    }

    private static bool? Flag(IReadOnlyDictionary<string, IReadOnlyList<string>> query, string name) => One(query, name) switch
    {
        null => null,
        var v when bool.TryParse(v, out var b) => b,
        var v => throw Invalid($"Parameter '{name}' value '{MergePolicyErrors.Short(v)}' is not a boolean: use true or false."),
    };

    private static string? Choice(IReadOnlyDictionary<string, IReadOnlyList<string>> query, string name, IReadOnlyList<string> allowed) => One(query, name) switch
    {
        null => null,
        var v when allowed.Contains(v, StringComparer.Ordinal) => v,
        var v => throw Invalid($"Parameter '{name}' value '{MergePolicyErrors.Short(v)}' is not supported: use {string.Join(" or ", allowed)}."),
    };

    private static int? Number(IReadOnlyDictionary<string, IReadOnlyList<string>> query, string name, int min, int max)
    {
        var text = One(query, name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw Invalid($"Parameter '{name}' value '{MergePolicyErrors.Short(text)}' must be a whole number from {min} to {max}.");
    }

    private static AepException Invalid(string detail) => new(ErrorCatalog.Profile.InvalidQuery, detail);
}
