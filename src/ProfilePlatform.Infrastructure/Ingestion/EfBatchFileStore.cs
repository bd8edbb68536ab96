using System.Buffers;
using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>Batch files in the platform store: records through EF, bytes through plain SQL one chunk per statement, so an
/// upload holds one chunk in memory and each chunk is committed as it arrives.</summary>
internal sealed class EfBatchFileStore(PlatformDbContext db, IPlatformContextFactory contexts, TenancyContext tenancy) : IBatchFileStore
{
    private const int ChunkBytes = IBatchFileStore.ChunkBytes;

    public Task<BatchFile?> FindAsync(string batchId, string name, CancellationToken ct) =>
        db.BatchFiles.FirstOrDefaultAsync(f => f.BatchId == batchId && f.Name == name, ct);

    public async Task<IReadOnlyList<BatchFile>> ListAsync(string batchId, CancellationToken ct) =>
        await db.BatchFiles.Where(f => f.BatchId == batchId).OrderBy(f => f.Sequence).ToListAsync(ct);

    public async Task AddAsync(BatchFile file, CancellationToken ct)
    {
        db.BatchFiles.Add(file);
        await db.SaveChangesAsync(ct);
    }

    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    public async Task<long> WriteAsync(string contentId, string batchId, long offset, Stream body, long maxBytes, CancellationToken ct)
    {
        var (org, sandbox) = StoreCommands.Tenant(db);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var written = 0L;
        try
        {
            await using var open = await StoreCommands.OpenAsync(db, ct);
            await using var insert = StoreCommands.Command(db,
                """INSERT INTO "ingest_file_chunks" ("ims_org", "sandbox", "content_id", "offset", "batch_id", "data") VALUES (@org, @sandbox, @content, @offset, @batch, @data)""");
            StoreCommands.Parameter(insert, "@org", org);
            StoreCommands.Parameter(insert, "@sandbox", sandbox);
            StoreCommands.Parameter(insert, "@content", contentId);
            var at = StoreCommands.Parameter(insert, "@offset", 0L);
            StoreCommands.Parameter(insert, "@batch", batchId);
            var data = StoreCommands.Parameter(insert, "@data", Array.Empty<byte>());
            while (true)
            {
                var filled = 0;
                int read;
                while (filled < ChunkBytes && (read = await body.ReadAsync(buffer.AsMemory(filled, ChunkBytes - filled), ct)) > 0)
                {
                    filled += read;
                }

                if (filled == 0)
                {
                    return written;
                }

                if (written + filled > maxBytes)
                {
                    throw new AepException(ErrorCatalog.Ingestion.TooLarge, $"The upload is larger than {maxBytes} bytes, the most this request takes: use the large-file API (POST ...?action=INITIALIZE, PATCH parts, POST ...?action=COMPLETE).");
                }

                at.Value = offset + written;
                // A rented array may be longer than asked for: only an exact one is passed as it is.
                data.Value = filled == buffer.Length ? buffer : buffer.AsSpan(0, filled).ToArray();

                await insert.ExecuteNonQueryAsync(ct);
                written += filled;
                if (filled < ChunkBytes)
                {
                    return written;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public Task DeleteRangeAsync(string contentId, long first, long last, CancellationToken ct) =>
        db.FileChunks.Where(c => c.ContentId == contentId && c.Offset >= first && c.Offset <= last).ExecuteDeleteAsync(ct);

    public Task DeleteContentAsync(string contentId, CancellationToken ct) =>
        db.FileChunks.Where(c => c.ContentId == contentId).ExecuteDeleteAsync(ct);

    public async Task<IReadOnlyList<(long Offset, long Length)>> PiecesAsync(string contentId, CancellationToken ct) =>
        (await db.FileChunks.Where(c => c.ContentId == contentId).OrderBy(c => c.Offset).Select(c => new { c.Offset, c.Data.Length }).ToListAsync(ct))
        .Select(p => (p.Offset, (long)p.Length))
        .ToList();

    public Stream OpenRead(string contentId, long size)
    {
        var own = new TenancyContext();
        own.Use(tenancy.Tenant);
        return new StoredContentStream(contexts.Create(own), contentId, size);
    }

    public async Task DeleteForBatchAsync(string batchId, CancellationToken ct)
    {
        await db.FileChunks.Where(c => c.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.BatchFiles.Where(f => f.BatchId == batchId).ExecuteDeleteAsync(ct);
    }
}
