using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.SchemaRegistry.Descriptors;

/// <summary>The registry's view of descriptors, read straight from the descriptor store: the registry cannot depend on
/// <see cref="DescriptorService"/>, which composes schemas through the registry.</summary>
public sealed class StoredSchemaDescriptors(IXdmDescriptorStore store) : IXdmSchemaDescriptors
{
    public async Task<bool> HasPrimaryIdentityAsync(string schemaId, CancellationToken ct) =>
        (await store.ListForSchemaAsync(schemaId, ct)).Any(d => d.PrimaryIdentityOf is not null);

    public async Task<IReadOnlyList<JsonObject>> DescriptorsOfAsync(string schemaId, CancellationToken ct) =>
        (await store.ListForSchemaAsync(schemaId, ct)).Select(d =>
        {
            var body = JsonNode.Parse(d.Document) as JsonObject ?? [];
            body["@id"] = d.Id;
            return body;
        }).ToList();
}
