namespace ProfilePlatform.Domain.Tenancy;

/// <summary>A stored object that belongs to one IMS organization and one sandbox.</summary>
/// <remarks>The store layer filters and stamps these columns from the request's tenancy, so a query
/// can never cross organizations or sandboxes, and a sandbox reset can find every row to wipe.</remarks>
public interface ITenantOwned
{
    string ImsOrg { get; }

    string Sandbox { get; }
}
