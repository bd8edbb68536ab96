using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>The merge policy state of one sandbox: whether its default policy was provisioned, and a revision every
/// change of its policies increments.</summary>
/// <remarks>The revision is the store's concurrency token: two writers of the same sandbox's policies cannot both
/// commit, so "set a new default, clear the old one", the five-policy limit and the one policy on edge hold under
/// concurrent requests; the loser retries on fresh state. A sandbox reset wipes it with the policies, so the reset
/// sandbox is provisioned again on first use.</remarks>
public sealed class MergePolicySandbox : ITenantOwned
{
    private MergePolicySandbox()
    {
    }

    public string ImsOrg { get; private set; } = "";

    public string Sandbox { get; private set; } = "";

    public long Revision { get; private set; }

    /// <summary>When the sandbox's system default policy was created.</summary>
    public DateTimeOffset Provisioned { get; private set; }

    internal static MergePolicySandbox Create(TenantKey tenant, DateTimeOffset now) =>
        new() { ImsOrg = tenant.ImsOrg, Sandbox = tenant.Sandbox, Revision = 1, Provisioned = now };

    internal void Touch() => Revision++;
}
