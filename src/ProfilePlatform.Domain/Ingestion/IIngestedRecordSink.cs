using ProfilePlatform.Domain.Catalog;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>A consumer of the records a batch lands, called while the batch is being committed: the step that builds
/// profiles and identity graphs from profile-enabled datasets registers one. The platform registers none by default;
/// every registered sink is called.</summary>
/// <remarks>
/// <para>Atomicity: the worker processes a batch in one DI scope and one database transaction — the scope's store context
/// (and its connection) carries it. A sink that writes through the stores or the store context of the scope it is
/// resolved from writes in that transaction, so its writes become visible exactly when the batch's records and its
/// <c>success</c> status do, and vanish with them when the attempt fails or the process dies (the batch is then retried or
/// failed). A sink must not open connections or transactions of its own, and must tolerate being called again for the same
/// batch on a retry (the failed attempt's writes were rolled back).</para>
/// <para>Records arrive in order, in segments of a few thousand, after they are written to the dataset's records; a sink that
/// throws fails the attempt. Records of a batch that ends <c>failed</c> (over its error threshold) are rolled back with
/// whatever sinks wrote for them.</para>
/// <para>Problems a sink finds with single records (an identity guardrail, a record Profile cannot store) are returned, not
/// thrown: the batch keeps them as row errors of its own kind (<c>profile_errors_0.json</c> in its row error files, a summary in
/// its <c>errors</c>) while the records stay in the dataset — the batch's status and failed-record count do not change.</para>
/// </remarks>
public interface IIngestedRecordSink
{
    /// <summary>Takes one segment of accepted records of <see cref="IngestedRecords.Batch"/>.</summary>
    /// <returns>The problems of single records (none when every record was taken whole).</returns>
    Task<IReadOnlyList<IngestedRecordError>> AcceptAsync(IngestedRecords records, CancellationToken ct);
}

/// <summary>A sink that does the share of its per-record work that needs no database ahead of time, while records are
/// checked: batch ingestion checks each segment on every core while the previous one is written, and everything done in
/// <see cref="IIngestedRecordSink.AcceptAsync"/> runs in the one writer (it holds the batch's transaction), so work moved
/// into <see cref="IRecordPreparer.Prepare"/> leaves that serial stage.</summary>
public interface IPreparingRecordSink : IIngestedRecordSink
{
    /// <summary>Called once per batch attempt, before its records are read, in the batch's scope and transaction (it may
    /// read through the stores). Null when the sink has nothing to prepare for this batch.</summary>
    Task<IRecordPreparer?> PreparerAsync(Dataset dataset, Batch batch, CancellationToken ct);
}

/// <summary>Prepares single accepted records for one sink and one batch (<see cref="IPreparingRecordSink"/>).</summary>
public interface IRecordPreparer
{
    /// <summary>Called for every accepted record, on any thread and concurrently, before the record reaches the sink in
    /// <see cref="IngestedRecord.Prepared"/>: must be thread-safe and must not use the database. May return null; a sink
    /// must handle records that arrive without (or with a failed) preparation by doing the work itself. The result must
    /// not refer to <paramref name="json"/>'s memory, which is reused after the segment is written.</summary>
    object? Prepare(ReadOnlyMemory<byte> json);
}

/// <summary>A segment of a batch's accepted records, with the dataset (its tags say whether it is profile-enabled) and the batch.</summary>
public sealed record IngestedRecords(Dataset Dataset, Batch Batch, IReadOnlyList<IngestedRecord> Records);

/// <summary>One accepted record: the file it came from, its row there, and the record as stored (one line of UTF-8 JSON).</summary>
public readonly record struct IngestedRecord(string FileName, long Row, ReadOnlyMemory<byte> Json)
{
    /// <summary>What the receiving sink's <see cref="IRecordPreparer"/> made of the record, or null.</summary>
    public object? Prepared { get; init; }
}

/// <summary>A problem a sink found with one record of a segment: which record (its position in
/// <see cref="IngestedRecords.Records"/>), and the problems, each with its row error code.</summary>
public sealed record IngestedRecordError(int Index, IReadOnlyList<RowProblem> Problems);
