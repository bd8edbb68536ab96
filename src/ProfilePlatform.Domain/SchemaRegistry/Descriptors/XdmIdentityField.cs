namespace ProfilePlatform.Domain.SchemaRegistry.Descriptors;

/// <summary>A schema field marked as an identity by an identity descriptor: what Profile and Identity Service read
/// from a record of that schema.</summary>
/// <param name="DescriptorId">The descriptor's <c>@id</c>.</param>
/// <param name="Path">The field's path in a record, e.g. <c>/_acme/loyaltyId</c>.</param>
/// <param name="Namespace">The <c>xdm:namespace</c> as the descriptor gives it: a code (<c>Email</c>) or, with
/// <c>xdm:property: xdm:id</c>, a numeric id.</param>
/// <param name="NamespaceIsId">Whether <paramref name="Namespace"/> is a numeric id.</param>
/// <param name="IsPrimary">The schema's primary identity.</param>
public sealed record XdmIdentityField(string DescriptorId, string Path, string Namespace, bool NamespaceIsId, bool IsPrimary);
