namespace ProfilePlatform.Domain.Catalog.Query;

/// <summary>One key of <c>orderBy</c>: <c>asc:created</c>, <c>desc:updated</c>, or a bare property (ascending).</summary>
public sealed record CatalogOrder(string Property, bool Descending)
{
    public override string ToString() => (Descending ? "desc:" : "asc:") + Property;
}
