namespace ProfilePlatform.Domain.Identity;

/// <summary>The identity types a namespace can have, in the upper-case form Identity Service lists them.</summary>
/// <remarks>identity-service.yaml's create request accepts "Cookie, Cross_device, Device, Email, Mobile, Non_people,
/// Phone" and its 400 example lists "[DEVICE, COOKIE, CROSS_DEVICE, PHONE, EMAIL]": names are matched ignoring case.
/// PARTNER ("Partner ID" in help/identity-service/features/namespaces.md) is accepted too [unverified: the API's
/// spelling of it is not documented].</remarks>
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

    /// <summary>The canonical type for <paramref name="value"/> (any case: <c>Cross_device</c>, <c>cross_device</c>), else null.</summary>
    public static string? Parse(string? value) =>
        value is null ? null : All.FirstOrDefault(t => string.Equals(t, value.Trim(), StringComparison.OrdinalIgnoreCase));
}
