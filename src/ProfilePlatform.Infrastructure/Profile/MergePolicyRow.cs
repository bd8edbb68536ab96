using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary>A stored merge policy: the policy as the API returns it (<see cref="Document"/>) plus the columns the
/// store orders and looks up by.</summary>
internal sealed class MergePolicyRow : ITenantOwned
{
    public string ImsOrg { get; set; } = "";

    public string Sandbox { get; set; } = "";

    public string Id { get; set; } = "";

    /// <summary>Creation order within the sandbox: the list's tie-break.</summary>
    public long Position { get; set; }

    public string SchemaName { get; set; } = "";

    public bool IsDefault { get; set; }

    public bool IsActiveOnEdge { get; set; }

    public int Version { get; set; }

    public long UpdateEpoch { get; set; }

    /// <summary><c>MergePolicy.ToJson()</c>: the one source the policy is read back from.</summary>
    public string Document { get; set; } = "";
}
