namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>One cluster an identity belonged to and when it joined it: an entry of AEP's cluster history
/// (help/identity-service/api/list-cluster-history.md, <c>{"clusterId","cRecordedTS"}</c>).</summary>
/// <param name="Xid">The identity's XID.</param>
/// <param name="ClusterId">The graph id it was assigned.</param>
/// <param name="RecordedAt">When the store recorded that assignment (the last time, if it came back to that cluster).</param>
public sealed record ClusterHistoryEntry(string Xid, string ClusterId, DateTimeOffset RecordedAt);
