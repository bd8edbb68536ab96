namespace ProfilePlatform.Domain.Ims;

/// <summary>The configured API clients and organizations.</summary>
public interface IImsClientDirectory
{
    ImsClient? FindClient(string clientId);

    /// <summary>The XDM tenant id of an organization, or null when no client of that organization is configured.</summary>
    string? FindTenantId(string imsOrg);

    IReadOnlyCollection<ImsClient> Clients { get; }
}
