namespace ProfilePlatform.Infrastructure.Streaming;

/// <summary>The streaming pipeline's knobs (configuration section <c>Streaming</c>).</summary>
public sealed class StreamingOptions
{
    public const string Section = "Streaming";

    /// <summary>Group commit writers running at once: while one commits, the next gathers the requests that arrive meanwhile.</summary>
    public int Writers { get; set; } = 2;

    /// <summary>Most messages one commit takes.</summary>
    public int MaxMessagesPerCommit { get; set; } = 4096;

    /// <summary>Whether this node turns pending messages into batches (every node may; they share the work safely).</summary>
    public bool FlusherEnabled { get; set; } = true;

    /// <summary>How often pending messages become a batch of their dataset.</summary>
    public int FlushIntervalMs { get; set; } = 250;

    /// <summary>How often the flusher asks the database which datasets have pending messages, for those committed by other
    /// nodes or before a restart; the messages this node commits are flushed at the next interval without asking.</summary>
    public int DiscoveryIntervalMs { get; set; } = 1000;

    /// <summary>Most messages one streamed batch takes; more wait for the next flush.</summary>
    public int MaxMessagesPerBatch { get; set; } = 50_000;
}
