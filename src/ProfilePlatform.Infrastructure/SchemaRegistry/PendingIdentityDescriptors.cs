using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Infrastructure.SchemaRegistry;

/// <summary>TEMPORARY until the descriptors store is merged: no schema has an identity descriptor yet.</summary>
internal sealed class PendingIdentityDescriptors : IXdmIdentityDescriptors
{
    public Task<bool> HasPrimaryIdentityAsync(string schemaId, CancellationToken ct) => Task.FromResult(false);
}
