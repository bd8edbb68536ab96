using System.Collections.Frozen;

namespace ProfilePlatform.Domain.SchemaRegistry.Library;

/// <summary>The standard XDM library, built once from <see cref="XdmStandardDefinitions"/>. Immutable and
/// thread-safe: register it as a singleton. Every resource handed out carries its own deep clone of the document.</summary>
public sealed class XdmStandardLibrary : IXdmLibrary
{
    private static readonly Lazy<XdmStandardLibrary> Shared = new(() => new XdmStandardLibrary());

    private readonly XdmLibraryResource[] resources;
    private readonly FrozenDictionary<string, XdmLibraryResource> byIdOrAltId;

    public XdmStandardLibrary()
    {
        resources = [.. XdmStandardDefinitions.All.Select(d =>
            new XdmLibraryResource(d.FullId, XdmResourceDefinition.AltIdOf(d.FullId), d.Type, d.Title, d.ToDocument()))];

        var index = new Dictionary<string, XdmLibraryResource>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            if (!index.TryAdd(resource.Id, resource) || !index.TryAdd(resource.AltId, resource))
            {
                throw new InvalidOperationException($"The XDM library declares '{resource.Id}' twice.");
            }
        }

        byIdOrAltId = index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>One library for the process (the content never changes).</summary>
    public static XdmStandardLibrary Instance => Shared.Value;

    public IReadOnlyList<XdmLibraryResource> All => [.. resources.Select(Clone)];

    public XdmLibraryResource? Find(string idOrAltId) =>
        byIdOrAltId.TryGetValue(idOrAltId, out var resource) ? Clone(resource) : null;

    private static XdmLibraryResource Clone(XdmLibraryResource resource) =>
        resource with { Document = resource.Document.DeepClone().AsObject() };
}
