namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>A node of an identity graph.</summary>
/// <param name="Identity">The identity.</param>
/// <param name="IdType">Its namespace's identity type; decides the deletion order of a full graph.</param>
/// <param name="GraphId">The id of the graph (connected component) it belongs to; AEP's <c>clusterId</c>. Every
/// node of one component has the same id and no two components share one.</param>
/// <param name="LastUpdated">The last time a linking record carried this identity: "the timestamp stored on the
/// identity" that decides which identity a full graph deletes (AEP's v2 graph API vertex <c>last_updated_ts</c>).</param>
public sealed record IdentityVertex(CompositeIdentity Identity, string IdType, string GraphId, DateTimeOffset LastUpdated);
