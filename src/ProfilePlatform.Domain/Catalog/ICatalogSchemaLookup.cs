namespace ProfilePlatform.Domain.Catalog;

/// <summary>What Catalog needs to know about an XDM schema: that it exists, and whether it is enabled for Profile.</summary>
/// <remarks>A small seam so Catalog does not depend on the Schema Registry's internals.</remarks>
public interface ICatalogSchemaLookup
{
    /// <summary>The schema with this <c>$id</c> in the current sandbox's tenant container or the global one; null when none.</summary>
    Task<CatalogSchema?> FindAsync(string schemaId, CancellationToken ct);
}

/// <summary>A schema as Catalog sees it.</summary>
/// <param name="Id">The schema's <c>$id</c>.</param>
/// <param name="ClassId">Its <c>meta:class</c>, when known.</param>
/// <param name="ProfileEnabled">Whether <c>meta:immutableTags</c> holds <c>union</c> (help/xdm/api/unions.md), which
/// datasets need before they can be enabled for Profile.</param>
public sealed record CatalogSchema(string Id, string? ClassId, bool ProfileEnabled);
