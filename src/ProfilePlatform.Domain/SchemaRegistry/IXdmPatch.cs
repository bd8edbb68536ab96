using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>A JSON Patch (RFC 6902) request body, applied by the API layer's patch library.</summary>
/// <remarks>The registry applies it to a copy of the stored document and then checks the result with the same rules
/// as a PUT, so a patch that fails half-way or yields an invalid resource changes nothing.</remarks>
public interface IXdmPatch
{
    /// <summary>Applies the operations to <paramref name="document"/> (a copy); throws <see cref="Errors.AepException"/>
    /// naming the failing operation.</summary>
    void ApplyTo(JsonObject document);
}
