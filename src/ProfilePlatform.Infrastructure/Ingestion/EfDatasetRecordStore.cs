using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>Landed records and row errors in the platform store; the context scopes every query to the request's tenancy.
/// A file is streamed row by row (no tracking, one row in memory at a time).</summary>
internal sealed class EfDatasetRecordStore(PlatformDbContext db) : IDatasetRecordStore
{
    public async IAsyncEnumerable<string> ReadFileAsync(string batchId, int fileIndex, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = db.DatasetRecords.AsNoTracking()
            .Where(r => r.BatchId == batchId && r.FileIndex == fileIndex)
            .OrderBy(r => r.RowNumber)
            .Select(r => r.Record)
            .AsAsyncEnumerable();
        await foreach (var record in rows.WithCancellation(ct))
        {
            yield return record;
        }
    }

    public async Task<IReadOnlyList<string>> PreviewAsync(string dataSetId, int limit, CancellationToken ct) =>
        await db.DatasetRecords.AsNoTracking()
            .Where(r => r.DataSetId == dataSetId)
            .OrderBy(r => r.BatchId).ThenBy(r => r.FileIndex).ThenBy(r => r.RowNumber)
            .Take(limit)
            .Select(r => r.Record)
            .ToListAsync(ct);

    public async Task<IReadOnlyList<StoredRowError>> RowErrorsAsync(string batchId, CancellationToken ct) =>
        await db.RowErrors.AsNoTracking()
            .Where(e => e.BatchId == batchId)
            .OrderBy(e => e.Sequence)
            .Select(e => new StoredRowError(e.FileName, e.RowNumber, e.Code, e.Problems, e.Raw))
            .ToListAsync(ct);

    public async Task DeleteForDataSetAsync(string dataSetId, CancellationToken ct)
    {
        var batchIds = db.Batches.Where(b => b.DataSetId == dataSetId).Select(b => b.Id);
        await db.DatasetRecords.Where(r => r.DataSetId == dataSetId).ExecuteDeleteAsync(ct);
        await db.RowErrors.Where(e => batchIds.Contains(e.BatchId)).ExecuteDeleteAsync(ct);
        await db.FileChunks.Where(c => batchIds.Contains(c.BatchId)).ExecuteDeleteAsync(ct);
        await db.BatchFiles.Where(f => f.DataSetId == dataSetId).ExecuteDeleteAsync(ct);
    }

    public async Task DeleteForBatchAsync(string batchId, CancellationToken ct)
    {
        await db.DatasetRecords.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.RowErrors.Where(e => e.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.FileChunks.Where(c => c.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.BatchFiles.Where(f => f.BatchId == batchId).ExecuteDeleteAsync(ct);
    }
}
