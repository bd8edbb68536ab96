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
/// </remarks>
public interface IIngestedRecordSink
{
    /// <summary>Takes one segment of accepted records of <see cref="IngestedRecords.Batch"/>.</summary>
    Task AcceptAsync(IngestedRecords records, CancellationToken ct);
}

/// <summary>A segment of a batch's accepted records, with the dataset (its tags say whether it is profile-enabled) and the batch.</summary>
public sealed record IngestedRecords(Dataset Dataset, Batch Batch, IReadOnlyList<IngestedRecord> Records);

/// <summary>One accepted record: the file it came from, its row there, and the record as stored (one line of UTF-8 JSON).</summary>
public readonly record struct IngestedRecord(string FileName, long Row, ReadOnlyMemory<byte> Json);
