namespace ProfilePlatform.Domain.Ingestion;

/// <summary>The actions of <c>POST /batches/{batchId}?action=...</c> (batch-ingestion.yaml: COMPLETE, ABORT, FAIL, REVERT;
/// the docs write them in either case, e.g. <c>action=complete</c>).</summary>
public enum BatchAction
{
    Complete,
    Abort,
    Fail,
    Revert,
}

/// <summary>Wire names of <see cref="BatchAction"/>.</summary>
public static class BatchActions
{
    public static BatchAction? Parse(string? action) => action?.Trim().ToUpperInvariant() switch
    {
        "COMPLETE" => BatchAction.Complete,
        "ABORT" => BatchAction.Abort,
        "FAIL" => BatchAction.Fail,
        "REVERT" => BatchAction.Revert,
        _ => null,
    };
}
