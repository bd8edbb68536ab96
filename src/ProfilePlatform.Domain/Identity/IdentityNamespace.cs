namespace ProfilePlatform.Domain.Identity;

/// <summary>An identity namespace as Identity Service describes it (<c>GET /idnamespace/identities</c>): the context
/// that makes an identity value comparable, e.g. <c>Email</c> for <c>jane@example.com</c>.</summary>
/// <param name="Id">The numeric id (<c>nsid</c>), e.g. <c>6</c> for Email.</param>
/// <param name="Code">The identity symbol clients use in identity maps and descriptors, e.g. <c>Email</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="IdType">The identity type in the upper-case form Identity Service answers with (<c>EMAIL</c>, <c>COOKIE</c>...,
/// see <see cref="IdentityTypes"/>).</param>
/// <param name="Description">The description Identity Service lists.</param>
/// <param name="Custom">True for a namespace the organization created, false for a standard one.</param>
/// <param name="CreateTime">When it was created, epoch milliseconds.</param>
/// <param name="UpdateTime">When it was last changed, epoch milliseconds.</param>
public sealed record IdentityNamespace(
    int Id,
    string Code,
    string Name,
    string IdType,
    string Description,
    bool Custom = false,
    long CreateTime = IdentityNamespace.StandardTime,
    long UpdateTime = IdentityNamespace.StandardTime)
{
    /// <summary>The creation time listed for standard namespaces the docs give none for: CORE's, the oldest one
    /// help/identity-service/api/list-namespaces.md shows (1441122419000).</summary>
    public const long StandardTime = 1441122419000;
}
