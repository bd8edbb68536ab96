namespace ProfilePlatform.Domain.Catalog;

/// <summary>The XDM schema a dataset is based on: its <c>$id</c> and the content type naming format and version
/// (help/catalog/api/create-dataset.md).</summary>
public sealed record SchemaRef(string Id, string ContentType)
{
    /// <summary>The content type AEP's examples use when a client gives none.</summary>
    public const string DefaultContentType = "application/vnd.adobe.xed+json;version=1";
}
