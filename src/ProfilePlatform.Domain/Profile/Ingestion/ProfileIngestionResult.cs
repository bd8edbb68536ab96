namespace ProfilePlatform.Domain.Profile.Ingestion;

/// <summary>What ingesting a list of records did, one outcome per record in input order.</summary>
public sealed record ProfileIngestionResult(IReadOnlyList<ProfileRecordOutcome> Records)
{
    /// <summary>Records whose identities were linked into a graph.</summary>
    public int Linked => Records.Count(r => r.Link.Linked);

    /// <summary>Records applied to a fragment.</summary>
    public int Fragments => Records.Count(r => r.Written == ProfileWrite.Fragment);

    /// <summary>Records stored as experience events.</summary>
    public int Events => Records.Count(r => r.Written == ProfileWrite.Event);

    /// <summary>Records that contributed nothing because of an error.</summary>
    public int Skipped => Records.Count(r => r.IsSkipped);

    /// <summary>The records with at least one error, for the failed-record report.</summary>
    public IEnumerable<ProfileRecordOutcome> WithErrors => Records.Where(r => r.Errors.Count > 0);
}
