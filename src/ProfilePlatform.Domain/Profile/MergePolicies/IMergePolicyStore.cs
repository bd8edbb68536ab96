using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>The merge policies of the current organization and sandbox, loaded and saved as one <see cref="SandboxMergePolicies"/>.</summary>
public interface IMergePolicyStore
{
    /// <summary>The sandbox's policies as stored now, in creation order (anything this unit of work loaded before is forgotten).</summary>
    Task<SandboxMergePolicies> LoadAsync(TenantKey tenant, CancellationToken ct);

    /// <summary>Writes <see cref="SandboxMergePolicies.Saved"/>, removes <see cref="SandboxMergePolicies.Deleted"/> and moves
    /// the sandbox's revision, in one transaction; throws <see cref="MergePolicyConflictException"/> when another writer
    /// saved the sandbox's policies since they were loaded.</summary>
    Task SaveAsync(TenantKey tenant, SandboxMergePolicies changes, CancellationToken ct);
}

/// <summary>Another writer changed the sandbox's merge policies between this change's load and its save.</summary>
public sealed class MergePolicyConflictException : Exception
{
    public MergePolicyConflictException()
    {
    }

    public MergePolicyConflictException(string message)
        : base(message)
    {
    }

    public MergePolicyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
