namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>What the registry's own rules need to know about a schema's identity descriptors.</summary>
public interface IXdmIdentityDescriptors
{
    /// <summary>Whether an <c>xdm:descriptorIdentity</c> with <c>xdm:isPrimary: true</c> targets the schema.</summary>
    Task<bool> HasPrimaryIdentityAsync(string schemaId, CancellationToken ct);
}
