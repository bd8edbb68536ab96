using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>What the registry's own rules and Accept forms need to know about a schema's descriptors.</summary>
public interface IXdmSchemaDescriptors
{
    /// <summary>Whether an <c>xdm:descriptorIdentity</c> with <c>xdm:isPrimary: true</c> targets the schema.</summary>
    Task<bool> HasPrimaryIdentityAsync(string schemaId, CancellationToken ct);

    /// <summary>The descriptors whose <c>xdm:sourceSchema</c> is the schema, as their bodies with <c>@id</c>, oldest first.</summary>
    Task<IReadOnlyList<JsonObject>> DescriptorsOfAsync(string schemaId, CancellationToken ct);
}
