namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>Wakes this node's ingestion worker when a batch is completed here, so it does not wait for its next poll. Other
/// nodes find the job on their own poll: the queue is in the store, the signal only saves time.</summary>
public sealed class IngestionSignal : IDisposable
{
    private readonly SemaphoreSlim pending = new(0, 1);

    public void Raise()
    {
        try
        {
            pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised.
        }
    }

    /// <summary>Waits for a raise or the timeout; true when raised.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => pending.WaitAsync(timeout, ct);

    public void Dispose() => pending.Dispose();
}
