using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>Consecutive records a batch landed in one dataset file: the dataset's data, as the Data Access API downloads
/// it and previews read it. Keyed by batch, file (the <c>n</c> of dataset file <c>{batchId}-{n}</c>) and the row of the
/// chunk's first record.</summary>
/// <remarks>
/// <para>The records are the exact JSON lines ingestion wrote (UTF-8, one line each, <c>\n</c> between them), so a download
/// returns those bytes and a file's length is known when it is written. A chunk holds up to
/// <see cref="DatasetRecordChunks.MaxRecords"/> records: the data lake is read a file at a time, never a record by its key,
/// and a row per record cost a heap tuple and two index entries per record (an eighth of a Profile batch's PostgreSQL
/// time, docs/performance.md). On PostgreSQL the column is compressed with lz4 where the server has it.</para>
/// <para>Records are not numbered inside a chunk: only their order is kept, which is all a file download needs.</para>
/// </remarks>
internal sealed class DatasetRecordChunkRow : ITenantOwned
{
    public string ImsOrg { get; set; } = "";

    public string Sandbox { get; set; } = "";

    public string DataSetId { get; set; } = "";

    public string BatchId { get; set; } = "";

    public int FileIndex { get; set; }

    /// <summary>The source row of the chunk's first record; chunks of a file are read in this order.</summary>
    public long FirstRow { get; set; }

    public int RecordCount { get; set; }

    /// <summary>The records' JSON lines, UTF-8, separated by <c>\n</c> (none after the last).</summary>
    public byte[] Records { get; set; } = [];
}
