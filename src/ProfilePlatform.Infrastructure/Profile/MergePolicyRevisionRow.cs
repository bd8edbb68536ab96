using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary>One row per sandbox that has merge policies; its revision, a concurrency token, serializes every change of
/// them, so "set a new default, clear the old one", the five-policy limit and the one policy on edge hold under
/// concurrent writers. A sandbox reset wipes it with the policies, so the sandbox is provisioned again on first use.</summary>
internal sealed class MergePolicyRevisionRow : ITenantOwned
{
    public string ImsOrg { get; set; } = "";

    public string Sandbox { get; set; } = "";

    public long Revision { get; set; }

    /// <summary>When the sandbox's default policy was provisioned.</summary>
    public DateTimeOffset Provisioned { get; set; }
}
