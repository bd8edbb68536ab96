namespace ProfilePlatform.Domain.Identity.Clusters;

/// <summary>A requested identity after lookup.</summary>
/// <param name="Reference">What the request said.</param>
/// <param name="Identity">The identity; null for an XID no stored identity has (Identity Service only stores linked
/// identities) or for a reference that cannot be processed.</param>
/// <param name="Processable">False when the namespace is unknown or the reference malformed: such identities go to the
/// answer's unprocessed list.</param>
public sealed record ResolvedIdentity(IdentityReference Reference, CompositeIdentity? Identity, bool Processable)
{
    /// <summary>The XID the answer names the requested identity by.</summary>
    public string? Xid => Reference.Addressing == IdentityAddressing.Xid ? Reference.Xid : Identity?.Xid;
}
