namespace ProfilePlatform.Domain.Identity;

/// <summary>An identity namespace as Identity Service describes it (<c>GET /idnamespace/identities</c>): the context
/// that makes an identity value comparable, e.g. <c>Email</c> for <c>jane@example.com</c>.</summary>
/// <param name="Id">The numeric id (<c>nsid</c>), e.g. <c>6</c> for Email.</param>
/// <param name="Code">The identity symbol clients use in identity maps and descriptors, e.g. <c>Email</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="IdType">The identity type in the upper-case form Identity Service answers with (<c>EMAIL</c>, <c>COOKIE</c>...).</param>
/// <param name="Description">The description Identity Service lists.</param>
public sealed record IdentityNamespace(int Id, string Code, string Name, string IdType, string Description);
