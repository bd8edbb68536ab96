using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Catalog.Query;

/// <summary>One condition of a Catalog list query; every condition of a query must hold (AND).</summary>
public abstract record CatalogFilter
{
    /// <summary>The top-level property the condition reads.</summary>
    public abstract string Property { get; }

    public abstract bool Matches(string id, JsonObject item);
}
