namespace ProfilePlatform.Domain.Identity;

/// <summary>One valid identity found in a record.</summary>
/// <param name="Identity">Namespace (the catalogue's spelling of the code) and value.</param>
/// <param name="Namespace">The namespace it belongs to (id, identity type).</param>
/// <param name="IsPrimary">Whether it is the record's primary identity (at most one per record).</param>
/// <param name="AuthenticatedState"><c>ambiguous</c>, <c>authenticated</c> or <c>loggedOut</c> when the
/// <c>identityMap</c> entry says so.</param>
/// <param name="Source">Where it was found first: <c>identityMap/ECID/0</c> or a descriptor path.</param>
public sealed record ExtractedIdentity(
    CompositeIdentity Identity,
    IdentityNamespace Namespace,
    bool IsPrimary,
    string? AuthenticatedState,
    string Source)
{
    /// <summary>The identity as the graph takes it.</summary>
    public GraphIdentity ForGraph => new(Identity, Namespace.IdType);
}
