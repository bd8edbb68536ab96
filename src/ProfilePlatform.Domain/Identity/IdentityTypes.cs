namespace ProfilePlatform.Domain.Identity;

/// <summary>The identity types a namespace can have: upper case for the platform's logic and for standard namespaces
/// (help/identity-service/api/list-namespaces.md: <c>"idType":"COOKIE"</c>), the spec's spelling for custom ones.</summary>
/// <remarks>identity-service.yaml's create request takes "Cookie, Cross_device, Device, Email, Mobile, Non_people,
/// Phone" and its 400 example lists "[DEVICE, COOKIE, CROSS_DEVICE, PHONE, EMAIL]": names are matched ignoring case.
/// A custom namespace is answered in the spec's spelling: the create doc sends and gets back <c>"Cross_device"</c>, and a
/// listed custom namespace shows <c>"idType": "Email"</c> (Adobe Campaign's privacy guide, "Define a namespace").
/// PARTNER ("Partner ID" in help/identity-service/features/namespaces.md) is accepted too [unverified: the API's
/// spelling of it is not documented; answered as "Partner"].</remarks>
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

    public static IReadOnlyList<string> All { get; } = [Cookie, CrossDevice, Device, Email, Mobile, NonPeople, Phone, Partner];

    /// <summary>How a custom namespace's type is sent: <c>CROSS_DEVICE</c> → <c>Cross_device</c>, <c>EMAIL</c> → <c>Email</c>.</summary>
    public static string SpecSpelling(string canonical) =>
        canonical.Length == 0 ? canonical : canonical[0] + canonical[1..].ToLowerInvariant();

    /// <summary>The canonical type for <paramref name="value"/> (any case: <c>Cross_device</c>, <c>cross_device</c>), else null.</summary>
    public static string? Parse(string? value) =>
        value is null ? null : All.FirstOrDefault(t => string.Equals(t, value.Trim(), StringComparison.OrdinalIgnoreCase));
}
