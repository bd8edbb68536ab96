namespace ProfilePlatform.Domain.Tenancy;

/// <summary>The organization and sandbox one unit of work (an API request, a background job) acts for.</summary>
/// <remarks>Set once by the gateway after the token and headers are checked; the stores read it to
/// scope every query. It fails closed: with no organization set, tenant queries match nothing.</remarks>
public sealed class TenancyContext
{
    public string? ImsOrg { get; private set; }

    public string? Sandbox { get; private set; }

    /// <summary>The tenant key; throws when the sandbox has not been resolved yet.</summary>
    public TenantKey Tenant => ImsOrg is not null && Sandbox is not null
        ? new TenantKey(ImsOrg, Sandbox)
        : throw new InvalidOperationException("No tenant has been resolved for this unit of work.");

    public void SetOrganization(string imsOrg)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imsOrg);
        if (ImsOrg is not null && ImsOrg != imsOrg)
        {
            throw new InvalidOperationException("The organization of a unit of work cannot change.");
        }

        ImsOrg = imsOrg;
    }

    public void SetSandbox(string sandbox)
    {
        if (ImsOrg is null)
        {
            throw new InvalidOperationException("Resolve the organization before the sandbox.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(sandbox);
        if (Sandbox is not null && Sandbox != sandbox)
        {
            throw new InvalidOperationException("The sandbox of a unit of work cannot change.");
        }

        Sandbox = sandbox;
    }

    /// <summary>Acts for <paramref name="tenant"/>, as background work does.</summary>
    public void Use(TenantKey tenant)
    {
        SetOrganization(tenant.ImsOrg);
        SetSandbox(tenant.Sandbox);
    }
}
