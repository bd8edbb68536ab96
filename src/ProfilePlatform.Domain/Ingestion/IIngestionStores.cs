namespace ProfilePlatform.Domain.Ingestion;

/// <summary>Uploaded batch files and their bytes, in the current organization and sandbox. Bytes are kept in the store in
/// chunks of at most <see cref="ChunkBytes"/>, written as a request body streams in and read back as a stream, so no node
/// holds a whole file and any node can serve any file.</summary>
public interface IBatchFileStore
{
    /// <summary>The most bytes one stored chunk holds.</summary>
    const int ChunkBytes = 1024 * 1024;

    Task<BatchFile?> FindAsync(string batchId, string name, CancellationToken ct);

    /// <summary>The batch's files, in upload order.</summary>
    Task<IReadOnlyList<BatchFile>> ListAsync(string batchId, CancellationToken ct);

    /// <summary>Adds a file record (saved at once).</summary>
    Task AddAsync(BatchFile file, CancellationToken ct);

    /// <summary>Saves changes to file records read from this store.</summary>
    Task SaveAsync(CancellationToken ct);

    /// <summary>Writes <paramref name="body"/> into content <paramref name="contentId"/> from byte <paramref name="offset"/> on,
    /// chunk by chunk as it arrives, each chunk committed on its own; returns the bytes written. Stops with a 413 once more
    /// than <paramref name="maxBytes"/> arrive (what was written stays until the caller deletes it).</summary>
    Task<long> WriteAsync(string contentId, string batchId, long offset, Stream body, long maxBytes, CancellationToken ct);

    /// <summary>Deletes a content's chunks starting within [first, last].</summary>
    Task DeleteRangeAsync(string contentId, long first, long last, CancellationToken ct);

    /// <summary>Deletes a content's chunks.</summary>
    Task DeleteContentAsync(string contentId, CancellationToken ct);

    /// <summary>The stored chunks of a content as (offset, length), in order.</summary>
    Task<IReadOnlyList<(long Offset, long Length)>> PiecesAsync(string contentId, CancellationToken ct);

    /// <summary>A seekable read-only stream over a content of <paramref name="size"/> bytes; reads one chunk at a time
    /// through its own store connection.</summary>
    Stream OpenRead(string contentId, long size);

    /// <summary>Deletes every file and chunk of a batch.</summary>
    Task DeleteForBatchAsync(string batchId, CancellationToken ct);
}

/// <summary>The queue of batches waiting to be processed. A COMPLETE stages the batch and queues its job in one save; a
/// worker on any node claims it.</summary>
public interface IIngestionJobQueue
{
    /// <summary>Queues processing of a batch of <paramref name="tenant"/>; it is saved with the next save of the batch
    /// store (one store context per request, so the batch's status and its job are written in one transaction).</summary>
    void Enqueue(Tenancy.TenantKey tenant, string batchId, DateTimeOffset now);

    /// <summary>Drops the batch's pending job (ABORT before processing started); saved with the next save of the batch store.</summary>
    Task CancelAsync(Tenancy.TenantKey tenant, string batchId, CancellationToken ct);

    /// <summary>Tells this node's worker that a job may be waiting (other nodes find it on their next poll).</summary>
    void Signal();
}
