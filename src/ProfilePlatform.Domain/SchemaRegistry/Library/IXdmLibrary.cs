namespace ProfilePlatform.Domain.SchemaRegistry.Library;

/// <summary>The standard XDM library: the behaviors, classes, field groups and data types every tenant can use.</summary>
public interface IXdmLibrary
{
    IReadOnlyList<XdmLibraryResource> All { get; }

    /// <summary>A resource by <c>$id</c> or <c>meta:altId</c>; null when the library has none.</summary>
    XdmLibraryResource? Find(string idOrAltId);
}
