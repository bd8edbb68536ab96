using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>One accepted record on its way to the dataset's records: its file (the dataset file's <c>n</c>), row and JSON.</summary>
internal readonly record struct LandedRecord(int FileIndex, long Row, ReadOnlyMemory<byte> Json);

/// <summary>Writes landed records in the batch's transaction as <see cref="DatasetRecordChunkRow"/>s, the fast way each store
/// has: PostgreSQL binary <c>COPY</c> (one per segment of records), SQLite one prepared <c>INSERT</c> reused for every chunk.</summary>
internal static class DatasetRecordWriter
{
    private const string Copy =
        """COPY "dataset_record_chunks" ("ims_org", "sandbox", "data_set_id", "batch_id", "file_index", "first_row", "record_count", "records") FROM STDIN (FORMAT BINARY)""";

    private const string Insert =
        """INSERT INTO "dataset_record_chunks" ("ims_org", "sandbox", "data_set_id", "batch_id", "file_index", "first_row", "record_count", "records") VALUES (@org, @sandbox, @dataset, @batch, @file, @row, @count, @records)""";

    public static Task WriteAsync(PlatformDbContext db, string dataSetId, string batchId, IReadOnlyList<LandedRecord> records, CancellationToken ct) =>
        records.Count == 0 ? Task.CompletedTask
        : db.Database.IsNpgsql() ? CopyAsync(db, dataSetId, batchId, records, ct)
        : InsertAsync(db, dataSetId, batchId, records, ct);

    private static async Task CopyAsync(PlatformDbContext db, string dataSetId, string batchId, IReadOnlyList<LandedRecord> records, CancellationToken ct)
    {
        var (org, sandbox) = StoreCommands.Tenant(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(Copy, ct);
        await DatasetRecordChunks.CutAsync(records, async chunk =>
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(org, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(sandbox, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(dataSetId, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(batchId, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(chunk.FileIndex, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(chunk.FirstRow, NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(chunk.RecordCount, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(chunk.Records, NpgsqlDbType.Bytea, ct);
        });
        await importer.CompleteAsync(ct);
    }

    private static async Task InsertAsync(PlatformDbContext db, string dataSetId, string batchId, IReadOnlyList<LandedRecord> records, CancellationToken ct)
    {
        var (org, sandbox) = StoreCommands.Tenant(db);
        await using var command = StoreCommands.Command(db, Insert);
        StoreCommands.Parameter(command, "@org", org);
        StoreCommands.Parameter(command, "@sandbox", sandbox);
        StoreCommands.Parameter(command, "@dataset", dataSetId);
        StoreCommands.Parameter(command, "@batch", batchId);
        var file = StoreCommands.Parameter(command, "@file", 0);
        var row = StoreCommands.Parameter(command, "@row", 0L);
        var count = StoreCommands.Parameter(command, "@count", 0);
        var bytes = StoreCommands.Parameter(command, "@records", Array.Empty<byte>());
        await command.PrepareAsync(ct);
        await DatasetRecordChunks.CutAsync(records, async chunk =>
        {
            file.Value = chunk.FileIndex;
            row.Value = chunk.FirstRow;
            count.Value = chunk.RecordCount;
            bytes.Value = chunk.Records.ToArray();
            await command.ExecuteNonQueryAsync(ct);
        });
    }
}
