using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>Up to 1 MiB of an uploaded file's bytes, at <see cref="Offset"/> of the content <see cref="ContentId"/>: uploaded
/// files live in the store, so any API node can take a part or serve a read, and a restart loses nothing.</summary>
internal sealed class FileChunkRecord : ITenantOwned
{
    public string ImsOrg { get; set; } = "";

    public string Sandbox { get; set; } = "";

    public string ContentId { get; set; } = "";

    /// <summary>Where in the file the chunk's bytes start.</summary>
    public long Offset { get; set; }

    /// <summary>The batch the content belongs to, to delete a batch's bytes at once.</summary>
    public string BatchId { get; set; } = "";

    public byte[] Data { get; set; } = [];
}
