namespace ProfilePlatform.Domain.Catalog;

/// <summary>A batch was asked to move to a status it cannot reach from its current one (ABORT after success, files
/// added after COMPLETE...). The API that asked decides the error the client gets.</summary>
public sealed class BatchStatusConflictException : Exception
{
    public BatchStatusConflictException()
    {
    }

    public BatchStatusConflictException(string message)
        : base(message)
    {
    }

    public BatchStatusConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BatchStatusConflictException(string batchId, BatchStatus current, string action)
        : base($"Batch {batchId} is {current.ToWire()}: it cannot be {action}.")
    {
        BatchId = batchId;
        Current = current;
    }

    public string BatchId { get; } = "";

    public BatchStatus Current { get; }
}
