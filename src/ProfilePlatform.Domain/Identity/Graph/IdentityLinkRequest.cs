namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>One record's identities to link, with where the record came from.</summary>
public sealed record IdentityLinkRequest(IReadOnlyList<GraphIdentity> Identities, LinkSource Source);
