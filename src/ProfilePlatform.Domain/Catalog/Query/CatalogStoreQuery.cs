namespace ProfilePlatform.Domain.Catalog.Query;

/// <summary>The part of a Catalog list query a store answers with indexed columns; see <see cref="CatalogQuery.ForStore"/>.</summary>
/// <remarks>With <see cref="OrderBy"/> set, the conditions are the whole query and the store returns the requested page
/// itself (ordered by those keys, then by id); without it the store returns every row that meets the conditions and
/// the query is finished in memory.</remarks>
public sealed record CatalogStoreQuery
{
    public long? CreatedAfter { get; init; }

    public long? CreatedBefore { get; init; }

    /// <summary>Each entry: the property (a store column) equals one of the values; entries are ANDed.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Equal { get; init; } = [];

    /// <summary>Set when the store sorts and pages: the keys, then id ascending.</summary>
    public IReadOnlyList<CatalogOrder>? OrderBy { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; }

    public bool IsPaged => OrderBy is not null;
}

/// <summary>The properties a store keeps in indexed columns: those it can filter by equality and those it can sort by.</summary>
/// <param name="Filterable">Properties (and <c>id</c>, and for batches <c>dataSet</c>) the store compares for equality.</param>
/// <param name="Sortable">Numeric properties the store orders by (<c>created</c>, <c>updated</c>).</param>
public sealed record CatalogColumns(IReadOnlySet<string> Filterable, IReadOnlySet<string> Sortable);
