using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>A file uploaded to a batch (PUT, or the large-file INITIALIZE / PATCH / COMPLETE sequence): its path, the
/// dataset it was uploaded for, its size, and where its bytes are kept (<see cref="ContentId"/>, a set of stored chunks).</summary>
/// <remarks>A PUT writes a new content and then points the file at it, so a replaced file is swapped whole and a failed
/// upload leaves the previous one in place. A large file writes its parts into the content fixed at INITIALIZE and is
/// usable once completed.</remarks>
public sealed class BatchFile : ITenantOwned
{
    private BatchFile()
    {
    }

    public string ImsOrg { get; private set; } = "";

    public string Sandbox { get; private set; } = "";

    public string BatchId { get; private set; } = "";

    /// <summary>The path it was uploaded under (<see cref="BatchFilePath"/>).</summary>
    public string Name { get; private set; } = "";

    public string DataSetId { get; private set; } = "";

    /// <summary>The stored bytes in use.</summary>
    public string ContentId { get; private set; } = "";

    /// <summary>Bytes; for a large file in progress, the bytes received so far.</summary>
    public long Size { get; private set; }

    /// <summary>Whether the file is whole: always after a PUT, after COMPLETE for a large file.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>The total size a large file's parts announced in <c>Content-Range</c>, if any did.</summary>
    public long? AnnouncedSize { get; private set; }

    /// <summary>Order of first upload within the batch, from 1: the <c>n</c> of the dataset file it lands as (<c>{batchId}-{n}</c>).</summary>
    public int Sequence { get; private set; }

    public long Created { get; private set; }

    public long Updated { get; private set; }

    /// <summary>A file uploaded whole with PUT.</summary>
    public static BatchFile Uploaded(TenantKey tenant, string batchId, string dataSetId, string name, int sequence, string contentId, long size, DateTimeOffset now) =>
        New(tenant, batchId, dataSetId, name, sequence, contentId, size, isComplete: true, now);

    /// <summary>A large file after INITIALIZE: no bytes yet.</summary>
    public static BatchFile Initialized(TenantKey tenant, string batchId, string dataSetId, string name, int sequence, string contentId, DateTimeOffset now) =>
        New(tenant, batchId, dataSetId, name, sequence, contentId, 0, isComplete: false, now);

    /// <summary>The file now holds the content just uploaded with PUT; returns the content it held before (to delete).</summary>
    public string Replace(string contentId, long size, DateTimeOffset now)
    {
        var previous = ContentId;
        ContentId = contentId;
        Size = size;
        IsComplete = true;
        AnnouncedSize = null;
        Updated = Math.Max(Updated, now.ToUnixTimeMilliseconds());
        return previous;
    }

    /// <summary>INITIALIZE again: the file is a large file in progress, empty (its content was just replaced).</summary>
    public void Reopen(DateTimeOffset now)
    {
        IsComplete = false;
        Size = 0;
        AnnouncedSize = null;
        Updated = Math.Max(Updated, now.ToUnixTimeMilliseconds());
    }

    /// <summary>A part of a large file arrived.</summary>
    public void PartReceived(long receivedBytes, long? announcedTotal, DateTimeOffset now)
    {
        Size = receivedBytes;
        AnnouncedSize = announcedTotal ?? AnnouncedSize;
        Updated = Math.Max(Updated, now.ToUnixTimeMilliseconds());
    }

    /// <summary>COMPLETE of a large file whose parts were checked to tile <paramref name="size"/> bytes.</summary>
    public void Complete(long size, DateTimeOffset now)
    {
        Size = size;
        IsComplete = true;
        Updated = Math.Max(Updated, now.ToUnixTimeMilliseconds());
    }

    private static BatchFile New(TenantKey tenant, string batchId, string dataSetId, string name, int sequence, string contentId, long size, bool isComplete, DateTimeOffset now)
    {
        var ms = now.ToUnixTimeMilliseconds();
        return new BatchFile
        {
            ImsOrg = tenant.ImsOrg,
            Sandbox = tenant.Sandbox,
            BatchId = batchId,
            Name = name,
            DataSetId = dataSetId,
            ContentId = contentId,
            Size = size,
            IsComplete = isComplete,
            Sequence = sequence,
            Created = ms,
            Updated = ms,
        };
    }
}
