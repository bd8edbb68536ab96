namespace ProfilePlatform.Domain.Tenancy;

/// <summary>The organization and sandbox one unit of work (an API request, a background job) acts for.</summary>
/// <remarks>Set once by the gateway after the token and headers are checked; the stores read it to
/// scope every query. It fails closed: with no organization set, tenant queries match nothing.
/// <para>The sandbox is normally resolved (found live) before it is set. A read endpoint that runs one statement
/// anyway may take the sandbox <em>unverified</em> (<see cref="DeferSandboxCheck"/>): its statement then checks that the
/// sandbox is live and calls <see cref="ConfirmSandbox"/>; anything else — an error, a write
/// (<see cref="VerifySandboxAsync"/> runs before the store saves), a statement that did not find the sandbox live —
/// runs the gateway's own check first, so a missing or deleted sandbox gets the gateway's error and no write.</para>
/// </remarks>
public sealed class TenancyContext
{
    private Func<CancellationToken, Task>? _verifySandbox;

    public string? ImsOrg { get; private set; }

    public string? Sandbox { get; private set; }

    /// <summary>False while the sandbox was taken from the request without the gateway's check (see
    /// <see cref="DeferSandboxCheck"/>) and nothing has confirmed it live yet.</summary>
    public bool SandboxVerified => _verifySandbox is null;

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

    /// <summary>Acts for <paramref name="sandbox"/>, resolved and found live by the caller.</summary>
    public void SetSandbox(string sandbox)
    {
        Fix(sandbox);
        _verifySandbox = null;
    }

    /// <summary>Acts for <paramref name="sandbox"/> as the request names it, not yet checked: the endpoint's statement
    /// checks it (<see cref="ConfirmSandbox"/>), else <paramref name="verify"/> — the gateway's check, which throws its
    /// error for a sandbox that is not live — runs before any error answer or write.</summary>
    public void DeferSandboxCheck(string sandbox, Func<CancellationToken, Task> verify)
    {
        ArgumentNullException.ThrowIfNull(verify);
        Fix(sandbox);
        _verifySandbox = verify;
    }

    /// <summary>A statement of this unit of work found the sandbox live.</summary>
    public void ConfirmSandbox() => _verifySandbox = null;

    /// <summary>Runs the deferred check unless the sandbox is verified; throws its error when the sandbox is not live.</summary>
    public async Task VerifySandboxAsync(CancellationToken ct)
    {
        if (_verifySandbox is not { } verify)
        {
            return;
        }

        // Cleared while it runs: the check itself may write (the default sandbox is created on first use).
        _verifySandbox = null;
        try
        {
            await verify(ct);
        }
        catch
        {
            _verifySandbox = verify;
            throw;
        }
    }

    /// <summary>Acts for <paramref name="tenant"/>, as background work does.</summary>
    public void Use(TenantKey tenant)
    {
        SetOrganization(tenant.ImsOrg);
        SetSandbox(tenant.Sandbox);
    }

    private void Fix(string sandbox)
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
}
