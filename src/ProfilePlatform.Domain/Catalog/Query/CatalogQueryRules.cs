namespace ProfilePlatform.Domain.Catalog.Query;

/// <summary>What differs between Catalog object types when a list query is read: parameters that name a special
/// condition instead of a property, parameters that are not filters at all, and the limit.</summary>
public sealed record CatalogQueryRules
{
    /// <summary>Objects per response when <c>limit</c> is absent (help/catalog/api/filter-data.md).</summary>
    public const int DefaultLimit = 20;

    /// <summary>The global maximum of <c>limit</c>.</summary>
    public const int MaxLimit = 100;

    /// <summary>The maximum of <c>limit</c> on datasets when <c>properties</c> asks for <c>observableSchema</c>.</summary>
    public const int MaxLimitWithObservableSchema = 20;

    /// <summary>Parameters that configure the response rather than filter it, and are ignored here.</summary>
    public IReadOnlySet<string> Ignored { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Parameters whose value builds a condition other than "property equals value".</summary>
    public IReadOnlyDictionary<string, Func<IReadOnlyList<string>, CatalogFilter>> Special { get; init; } =
        new Dictionary<string, Func<IReadOnlyList<string>, CatalogFilter>>(StringComparer.Ordinal);

    /// <summary>Properties whose simple-filter values take the <c>*</c> wildcard (the docs name <c>name</c>).</summary>
    public IReadOnlySet<string> Wildcard { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "name" };

    /// <summary>Whether asking for <c>observableSchema</c> lowers the maximum limit to 20 (datasets only).</summary>
    public bool ObservableSchemaLimit { get; init; }

    /// <summary><c>GET /dataSets</c>.</summary>
    public static CatalogQueryRules DataSets { get; } = new()
    {
        Ignored = Set("expansion", "requestDataSource"),
        ObservableSchemaLimit = true,
    };

    /// <summary><c>GET /batches</c>: <c>dataSet</c> filters on the related dataset, <c>batch</c> on the batch id.</summary>
    public static CatalogQueryRules Batches { get; } = new()
    {
        Ignored = Set("aggregate", "expansion"),
        Special = new Dictionary<string, Func<IReadOnlyList<string>, CatalogFilter>>(StringComparer.Ordinal)
        {
            ["dataSet"] = ids => new RelatedObjectFilter("dataSet", ids),
            ["batch"] = ids => new IdFilter(ids),
        },
    };

    /// <summary><c>GET /dataSetFiles</c> and a view's files.</summary>
    public static CatalogQueryRules DataSetFiles { get; } = new() { Ignored = Set("expansion") };

    /// <summary><c>GET /lastBatches</c>: <c>dataSetId</c> is the key each entry is listed under.</summary>
    public static CatalogQueryRules LastBatches { get; } = new()
    {
        Special = new Dictionary<string, Func<IReadOnlyList<string>, CatalogFilter>>(StringComparer.Ordinal)
        {
            ["dataSetId"] = ids => new IdFilter(ids),
        },
    };

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
