namespace ProfilePlatform.Infrastructure.Streaming;

/// <summary>An accepted streaming message waiting for its dataset's next batch (<c>streaming_messages</c>). Written by the group
/// commit writer and deleted by the flusher in the transaction that turns it into a batch file, so each message reaches its
/// dataset exactly once.</summary>
/// <remarks>A system table like <c>ingest_jobs</c>: one queue for all tenants, keyed by arrival order, with the organization and
/// sandbox as columns every statement names (no query filter applies: nothing reads it through EF). A sandbox reset leaves its
/// pending messages to the flusher, which drops them because their dataset is gone.</remarks>
internal sealed class StreamingMessageRow
{
    /// <summary>Arrival order (identity / autoincrement).</summary>
    public long Id { get; set; }

    public string ImsOrg { get; set; } = "";

    public string Sandbox { get; set; } = "";

    public string DataSetId { get; set; } = "";

    public string InletId { get; set; } = "";

    /// <summary>Whether the record passed its schema on arrival; invalid ones go to a batch of their own, which fails with
    /// their row errors.</summary>
    public bool IsValid { get; set; }

    public string XactionId { get; set; } = "";

    public long ReceivedMs { get; set; }

    /// <summary>The record, compact JSON on one line.</summary>
    public string Record { get; set; } = "";
}
