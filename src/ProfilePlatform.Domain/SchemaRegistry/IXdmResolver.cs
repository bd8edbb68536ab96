using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>Finds the raw document of a resource by <c>$id</c>, in the standard library or the tenant's container.</summary>
public interface IXdmResolver
{
    JsonObject? Resolve(string id);
}
