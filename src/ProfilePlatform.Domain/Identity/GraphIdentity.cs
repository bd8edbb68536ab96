namespace ProfilePlatform.Domain.Identity;

/// <summary>An identity as the graph needs it: the identity and its namespace's identity type, which decides
/// whether it is linked at all and in which order a full graph drops it.</summary>
public sealed record GraphIdentity(CompositeIdentity Identity, string IdType);
