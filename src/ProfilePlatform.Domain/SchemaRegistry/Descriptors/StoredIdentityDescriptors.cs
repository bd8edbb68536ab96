namespace ProfilePlatform.Domain.SchemaRegistry.Descriptors;

/// <summary>The registry's view of identity descriptors, read straight from the descriptor store: the registry cannot
/// depend on <see cref="DescriptorService"/>, which composes schemas through the registry.</summary>
public sealed class StoredIdentityDescriptors(IXdmDescriptorStore store) : IXdmIdentityDescriptors
{
    public async Task<bool> HasPrimaryIdentityAsync(string schemaId, CancellationToken ct) =>
        (await store.ListForSchemaAsync(schemaId, ct)).Any(d => d.PrimaryIdentityOf is not null);
}
