namespace ProfilePlatform.Domain.Streaming;

/// <summary>Collection limits (configuration section <c>Streaming:Limits</c>).</summary>
/// <remarks>AEP: a request (one message, or the whole <c>/collection/batch</c> body) of more than 1 MB is a 413
/// (streaming-ingestion.yaml; help/ingestion/tutorials/streaming-multiple-messages.md appendix); no message count cap is
/// documented. 1 MB is taken as 1,048,576 bytes [unverified: AEP's exact byte count].</remarks>
public sealed class StreamingLimits
{
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a dataset's schema check is reused before it is looked up again (AEP: schema changes may take up
    /// to ~15 minutes to reach streaming validation).</summary>
    public double TargetCacheSeconds { get; set; } = 5;
}
