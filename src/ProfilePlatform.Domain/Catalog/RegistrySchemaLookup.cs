using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Domain.Catalog;

/// <summary><see cref="ICatalogSchemaLookup"/> over the Schema Registry's public lookup (the raw <c>xed</c> form).</summary>
public sealed class RegistrySchemaLookup(SchemaRegistryService registry) : ICatalogSchemaLookup
{
    private static readonly XdmAccept Raw = XdmAccept.ForLookup("application/vnd.adobe.xed+json; version=1");

    public async Task<CatalogSchema?> FindAsync(string schemaId, CancellationToken ct)
    {
        foreach (var container in new[] { XdmContainer.Tenant, XdmContainer.Global })
        {
            JsonObject document;
            try
            {
                document = await registry.GetAsync(container, XdmResourceType.Schema, schemaId, Raw, ct);
            }
            catch (AepException ex) when (ex.Error == ErrorCatalog.SchemaRegistry.NotFound)
            {
                continue;
            }

            var tags = document["meta:immutableTags"] as JsonArray ?? [];
            return new CatalogSchema(
                document["$id"]?.GetValue<string>() ?? schemaId,
                document["meta:class"] is JsonValue c && c.TryGetValue<string>(out var cls) ? cls : null,
                tags.Any(t => t is JsonValue v && v.TryGetValue<string>(out var s) && s == "union"));
        }

        return null;
    }
}
