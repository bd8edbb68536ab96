namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>How this node's ingestion worker claims and processes batch jobs (configuration section <c>Ingestion:Worker</c>).</summary>
public sealed class IngestionWorkerOptions
{
    public const string Section = "Ingestion:Worker";

    /// <summary>Whether this node processes batches at all (a node can serve the API only).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an idle worker looks for jobs queued by other nodes, in seconds.</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>How long a claimed job is this worker's before another may take it over, in seconds. While the batch's
    /// transaction runs, the job's row is held by it (a row lock on PostgreSQL, the write lock on SQLite), so the lease only
    /// matters once the worker is gone: a crashed node's batch is retried this long after it stopped.</summary>
    public double LeaseSeconds { get; set; } = 30;

    /// <summary>Attempts at a batch before it is failed with <c>INGEST-1500-500</c>.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before a failed attempt is retried, in seconds.</summary>
    public double RetryDelaySeconds { get; set; } = 5;

    /// <summary>Refused rows kept per batch for the row error files; counts stay exact beyond it.</summary>
    public int MaxStoredRowErrors { get; set; } = 1000;

    /// <summary>Records validated and written together.</summary>
    public int SegmentRecords { get; set; } = 4096;

    /// <summary>Threads validating records of one batch; 0 uses every processor.</summary>
    public int ValidationThreads { get; set; }

    /// <summary>A batch that wrote at least this many records refreshes PostgreSQL's planner statistics of the record,
    /// identity and Profile tables after its commit; 0 never does.</summary>
    public int AnalyzeAfterRecords { get; set; } = 10_000;
}
