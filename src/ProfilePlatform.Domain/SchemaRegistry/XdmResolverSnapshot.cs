using System.Text.Json.Nodes;
using ProfilePlatform.Domain.SchemaRegistry.Library;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>The standard library plus the tenant's resources as read at one moment, by <c>$id</c>; <see cref="With"/>
/// gives the same snapshot with one resource replaced, to compose what a change would produce before storing it.</summary>
internal sealed class XdmResolverSnapshot(IXdmLibrary library, IReadOnlyDictionary<string, JsonObject> tenant) : IXdmResolver
{
    public IReadOnlyDictionary<string, JsonObject> Tenant => tenant;

    public JsonObject? Resolve(string id) =>
        tenant.TryGetValue(id, out var mine) ? mine : library.Find(id) is { } std && std.Id == id ? std.Document : null;

    public XdmResolverSnapshot With(string id, JsonObject document) =>
        new(library, new Dictionary<string, JsonObject>(tenant, StringComparer.Ordinal) { [id] = document });
}
