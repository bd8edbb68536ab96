using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>One accepted record on its way to <c>dataset_records</c>: its file (the dataset file's <c>n</c>), row and JSON.</summary>
internal readonly record struct LandedRecord(int FileIndex, long Row, ReadOnlyMemory<byte> Json);

/// <summary>Writes landed records in the batch's transaction, the fast way each store has: PostgreSQL binary <c>COPY</c>
/// (one per segment of records), SQLite one prepared <c>INSERT</c> reused for every row.</summary>
internal static class DatasetRecordWriter
{
    private const string Copy =
        """COPY "dataset_records" ("ims_org", "sandbox", "data_set_id", "batch_id", "file_index", "row_number", "record") FROM STDIN (FORMAT BINARY)""";

    private const string Insert =
        """INSERT INTO "dataset_records" ("ims_org", "sandbox", "data_set_id", "batch_id", "file_index", "row_number", "record") VALUES (@org, @sandbox, @dataset, @batch, @file, @row, @record)""";

    public static Task WriteAsync(PlatformDbContext db, string dataSetId, string batchId, IReadOnlyList<LandedRecord> records, CancellationToken ct) =>
        records.Count == 0 ? Task.CompletedTask
        : db.Database.IsNpgsql() ? CopyAsync(db, dataSetId, batchId, records, ct)
        : InsertAsync(db, dataSetId, batchId, records, ct);

    private static async Task CopyAsync(PlatformDbContext db, string dataSetId, string batchId, IReadOnlyList<LandedRecord> records, CancellationToken ct)
    {
        var (org, sandbox) = StoreCommands.Tenant(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(Copy, ct);
        foreach (var record in records)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(org, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(sandbox, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(dataSetId, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(batchId, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(record.FileIndex, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(record.Row, NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(record.Json, NpgsqlDbType.Json, ct);
        }

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
        var json = StoreCommands.Parameter(command, "@record", "");
        await command.PrepareAsync(ct);
        foreach (var record in records)
        {
            file.Value = record.FileIndex;
            row.Value = record.Row;
            json.Value = Encoding.UTF8.GetString(record.Json.Span);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
