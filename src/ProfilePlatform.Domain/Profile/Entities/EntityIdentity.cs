using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Profile.Entities;

/// <summary>An identity as an entities request gives it: a value with its namespace (<c>entityId</c> +
/// <c>entityIdNS</c>) or, without a namespace, an XID ("If the value of this parameter is not an XID, an identity
/// namespace parameter must also be provided", help/profile/api/entities.md).</summary>
/// <param name="Id">The identity value, or the XID when <paramref name="Namespace"/> is null.</param>
/// <param name="Namespace">The namespace code as sent; null for an XID.</param>
/// <param name="IdParameter">The parameter that carried <paramref name="Id"/>, for messages (<c>entityId</c>,
/// <c>relatedEntityId</c>, <c>identities[2].entityId</c>).</param>
/// <param name="NamespaceParameter">The parameter that carried <paramref name="Namespace"/>, for messages.</param>
public sealed record EntityIdentity(string Id, string? Namespace, string IdParameter, string NamespaceParameter)
{
    /// <summary>Longest XID accepted: AEP's XIDs are 14 to 30 base64url characters in its examples [unverified bound].</summary>
    public const int MaxXidLength = 128;

    public bool IsXid => Namespace is null;

    /// <summary>A validated identity; throws the entities API's 400 naming <paramref name="idParameter"/>.</summary>
    public static EntityIdentity Of(string? id, string? @namespace, string idParameter, string namespaceParameter)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw EntityErrors.Invalid($"Parameter '{idParameter}' is required: the identity value (with its namespace in '{namespaceParameter}') or the identity's XID.");
        }

        if (@namespace is null)
        {
            if (!IsXidText(id))
            {
                throw EntityErrors.Invalid($"Parameter '{idParameter}' value '{EntityErrors.Short(id)}' is not an XID (1 to {MaxXidLength} characters A-Z, a-z, 0-9, '-' or '_'): when it is an identity value, give its namespace code in '{namespaceParameter}'.");
            }

            return new EntityIdentity(id, null, idParameter, namespaceParameter);
        }

        if (@namespace.Trim().Length == 0)
        {
            throw EntityErrors.Invalid($"Parameter '{namespaceParameter}' is blank: give a namespace code such as ECID or Email, or leave it out when '{idParameter}' is an XID.");
        }

        if (id.Length > XidService.MaxValueLength || id.Trim().Length == 0)
        {
            throw EntityErrors.Invalid($"Parameter '{idParameter}' must be an identity value of 1 to {XidService.MaxValueLength} characters, not blank (help/identity-service/guardrails.md).");
        }

        return new EntityIdentity(id, @namespace, idParameter, namespaceParameter);
    }

    /// <summary>For messages: <c>entityId 'x' in namespace 'Email'</c> or <c>XID 'x'</c>.</summary>
    public string Describe() => IsXid
        ? $"XID '{EntityErrors.Short(Id)}'"
        : $"identity '{EntityErrors.Short(Id)}' in namespace '{EntityErrors.Short(Namespace!)}'";

    private static bool IsXidText(string id) =>
        id.Length <= MaxXidLength && id.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}
