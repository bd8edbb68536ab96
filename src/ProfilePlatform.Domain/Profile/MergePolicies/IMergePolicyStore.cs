using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>The merge policies of the current organization and sandbox, loaded and saved as one <see cref="MergePolicySet"/>.</summary>
public interface IMergePolicyStore
{
    /// <summary>The sandbox's set as stored now (anything this unit of work loaded before is forgotten).</summary>
    Task<MergePolicySet> LoadAsync(TenantKey tenant, CancellationToken ct);

    /// <summary>Saves every change of the set in one transaction; throws <see cref="MergePolicyConflictException"/>
    /// when another writer saved the sandbox's policies since the set was loaded.</summary>
    Task SaveAsync(MergePolicySet set, CancellationToken ct);
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
