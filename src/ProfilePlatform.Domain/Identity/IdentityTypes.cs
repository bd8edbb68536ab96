namespace ProfilePlatform.Domain.Identity;

/// <summary>Identity Service's identity types (<c>idType</c> of a namespace): how the API spells them and what the
/// graph does with each. One list serves the namespace API's rules and the graph's linking and deletion order.</summary>
/// <remarks>
/// Spelling: upper case for the platform's logic and for standard namespaces (help/identity-service/api/list-namespaces.md:
/// <c>"idType":"COOKIE"</c>). identity-service.yaml's create request takes "Cookie, Cross_device, Device, Email, Mobile,
/// Non_people, Phone" and its 400 example lists "[DEVICE, COOKIE, CROSS_DEVICE, PHONE, EMAIL]": names are matched
/// ignoring case. A custom namespace is answered in the spec's spelling: the create doc sends and gets back
/// <c>"Cross_device"</c>, and a listed custom namespace shows <c>"idType": "Email"</c> (Adobe Campaign's privacy guide).
/// PARTNER ("Partner ID" in help/identity-service/features/namespaces.md) is accepted too [unverified: the API's
/// spelling is not documented; answered as "Partner"].
/// Graph: help/identity-service/features/namespaces.md ("Identity graphs are not generated for ... non-person
/// identifiers") and the deletion priority of help/identity-service/guardrails.md: when a full graph must drop an
/// identity it drops, oldest first, Partner IDs, then Cookie IDs, then Device IDs, and only then Cross-device IDs,
/// Email and Phone. The same namespaces page also says graphs are not generated for Partner IDs while the guardrail
/// deletes them first; the graph follows the guardrail and links them [unverified which AEP applies].
/// </remarks>
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

    /// <summary>Every type a namespace can have, in canonical (upper-case) spelling.</summary>
    public static IReadOnlyList<string> All { get; } = [Cookie, CrossDevice, Device, Email, Mobile, NonPeople, Phone, Partner];

    /// <summary>The canonical type for <paramref name="value"/> (any case: <c>Cross_device</c>, <c>cross_device</c>), else null.</summary>
    public static string? Parse(string? value) =>
        value is null ? null : All.FirstOrDefault(t => string.Equals(t, value.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>How a custom namespace's type is sent: <c>CROSS_DEVICE</c> → <c>Cross_device</c>, <c>EMAIL</c> → <c>Email</c>.</summary>
    public static string SpecSpelling(string canonical) =>
        canonical.Length == 0 ? canonical : canonical[0] + canonical[1..].ToLowerInvariant();

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
