namespace ProfilePlatform.Domain.Identity;

/// <summary>Identity Service's identity types (<c>idType</c> of a namespace) and what the graph does with each.</summary>
/// <remarks>Sources: help/identity-service/features/namespaces.md ("All identity types except Non-people identifiers
/// are stored in the identity graph") and the deletion priority of help/identity-service/guardrails.md: when a full
/// graph must drop an identity it drops, oldest first, Partner IDs, then Cookie IDs, then Device IDs, and only then
/// Cross-device IDs, Email and Phone.</remarks>
public static class IdentityTypes
{
    public const string Cookie = "COOKIE";
    public const string CrossDevice = "CROSS_DEVICE";
    public const string Device = "DEVICE";
    public const string Email = "EMAIL";
    public const string Mobile = "MOBILE";
    public const string NonPeople = "NON_PEOPLE";
    public const string Phone = "PHONE";
    public const string Partner = "PARTNER";

    /// <summary>Whether identities of this type are linked into graphs: every type but <c>NON_PEOPLE</c>.</summary>
    public static bool IsLinkable(string idType) => !string.Equals(idType, NonPeople, StringComparison.OrdinalIgnoreCase);

    /// <summary>The identity type's place in the deletion order of a full graph: lower is deleted first.</summary>
    /// <remarks><c>MOBILE</c> (a legacy type for mobile device ids) ranks with devices [unverified: the guardrail
    /// lists only the four groups]; unknown types rank with the people identifiers, the safest group to keep.</remarks>
    public static int DeletionTier(string idType) => idType.ToUpperInvariant() switch
    {
        Partner => 0,
        Cookie => 1,
        Device or Mobile => 2,
        _ => 3,
    };
}
