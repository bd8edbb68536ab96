using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>Landed records and row errors in the platform store; the context scopes every query to the request's tenancy.
/// A file is streamed chunk by chunk (no tracking, one chunk in memory at a time).</summary>
internal sealed class EfDatasetRecordStore(PlatformDbContext db) : IDatasetRecordStore
{
    public IAsyncEnumerable<string> ReadFileAsync(string batchId, int fileIndex, CancellationToken ct) =>
        LinesAsync(
            db.DatasetRecordChunks.Where(c => c.BatchId == batchId && c.FileIndex == fileIndex).OrderBy(c => c.FirstRow),
            ct);

    public async Task<IReadOnlyList<string>> PreviewAsync(string dataSetId, int limit, CancellationToken ct)
    {
        var preview = new List<string>(Math.Min(limit, DatasetRecordChunks.MaxRecords));
        if (limit <= 0)
        {
            return preview;
        }

        var chunks = db.DatasetRecordChunks.Where(c => c.DataSetId == dataSetId)
            .OrderBy(c => c.BatchId).ThenBy(c => c.FileIndex).ThenBy(c => c.FirstRow);
        await foreach (var record in LinesAsync(chunks, ct))
        {
            preview.Add(record);
            if (preview.Count == limit)
            {
                break;
            }
        }

        return preview;
    }

    public async Task<IReadOnlyList<StoredRowError>> RowErrorsAsync(string batchId, CancellationToken ct) =>
        await db.RowErrors.AsNoTracking()
            .Where(e => e.BatchId == batchId)
            .OrderBy(e => e.Sequence)
            .Select(e => new StoredRowError(e.FileName, e.RowNumber, e.Code, e.Problems, e.Raw))
            .ToListAsync(ct);

    public async Task DeleteForDataSetAsync(string dataSetId, CancellationToken ct)
    {
        var batchIds = db.Batches.Where(b => b.DataSetId == dataSetId).Select(b => b.Id);
        await db.DatasetRecordChunks.Where(c => c.DataSetId == dataSetId).ExecuteDeleteAsync(ct);
        await db.RowErrors.Where(e => batchIds.Contains(e.BatchId)).ExecuteDeleteAsync(ct);
        await db.FileChunks.Where(c => batchIds.Contains(c.BatchId)).ExecuteDeleteAsync(ct);
        await db.BatchFiles.Where(f => f.DataSetId == dataSetId).ExecuteDeleteAsync(ct);
    }

    public async Task DeleteForBatchAsync(string batchId, CancellationToken ct)
    {
        await db.DatasetRecordChunks.Where(c => c.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.RowErrors.Where(e => e.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.FileChunks.Where(c => c.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.BatchFiles.Where(f => f.BatchId == batchId).ExecuteDeleteAsync(ct);
    }

    /// <summary>The records of <paramref name="chunks"/>, in their order, one chunk in memory at a time.</summary>
    private static async IAsyncEnumerable<string> LinesAsync(IQueryable<DatasetRecordChunkRow> chunks, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var records in chunks.AsNoTracking().Select(c => c.Records).AsAsyncEnumerable().WithCancellation(ct))
        {
            foreach (var record in DatasetRecordChunks.Lines(records))
            {
                yield return record;
            }
        }
    }
}
