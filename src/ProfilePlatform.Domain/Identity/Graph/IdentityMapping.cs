namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>An identity of the same cluster in the requested namespace, with the last time it was associated with the
/// input identity (AEP's mapping entry <c>{"xid"|"compositeXid","lastAssociationTime"}</c>).</summary>
public sealed record IdentityMapping(CompositeIdentity Identity, DateTimeOffset LastAssociation);
