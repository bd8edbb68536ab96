namespace ProfilePlatform.Domain.Tenancy;

/// <summary>The (IMS organization, sandbox) pair that owns every tenant row of the platform.</summary>
public sealed record TenantKey(string ImsOrg, string Sandbox)
{
    public override string ToString() => $"{ImsOrg}/{Sandbox}";
}
