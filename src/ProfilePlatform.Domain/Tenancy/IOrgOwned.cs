namespace ProfilePlatform.Domain.Tenancy;

/// <summary>A stored object that belongs to one IMS organization but to no single sandbox (a sandbox itself).</summary>
public interface IOrgOwned
{
    string ImsOrg { get; }
}
