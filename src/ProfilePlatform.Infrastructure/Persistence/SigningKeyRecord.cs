namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>A platform-wide secret (the IMS token signing key), shared by every API node through the store.</summary>
/// <remarks>System row: it belongs to no organization or sandbox, so it carries no tenancy columns.</remarks>
public sealed class SigningKeyRecord
{
    public string Id { get; set; } = "";

    public string Key { get; set; } = "";

    public DateTimeOffset CreatedDate { get; set; }
}
