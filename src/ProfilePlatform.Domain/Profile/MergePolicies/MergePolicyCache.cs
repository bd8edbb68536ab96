using System.Collections.Concurrent;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>The merge policies of each sandbox as last loaded by this node, with the version they were loaded at, so
/// that a profile lookup need not load them on every request (singleton).</summary>
/// <remarks>Never trusted blindly: a reader that uses a cached entry compares its <see cref="CachedMergePolicies.Version"/>
/// with the version the store reports in the same round trip as the lookup's data
/// (<see cref="Storage.ProfileLookupRead.PolicyVersion"/>) and reloads on any difference — so a change made on another
/// node is seen by the first lookup after it commits, as without the cache. Changes made through this node also drop
/// the entry at once.</remarks>
public sealed class MergePolicyCache
{
    /// <summary>Entries kept before the cache starts afresh (sandboxes of all organizations served by this node).</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<TenantKey, CachedMergePolicies> _entries = new();

    public CachedMergePolicies? Find(TenantKey tenant) => _entries.GetValueOrDefault(tenant);

    public void Put(TenantKey tenant, CachedMergePolicies policies)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[tenant] = policies;
    }

    public void Forget(TenantKey tenant) => _entries.TryRemove(tenant, out _);
}

/// <summary>A sandbox's merge policies at one stored version.</summary>
/// <param name="Version">The store's version token (<see cref="SandboxMergePolicies.Version"/>); null when the store
/// has none, and then the entry is never cached.</param>
/// <param name="Policies">The policies, in creation order.</param>
/// <param name="FromCache">Whether the entry came from <see cref="MergePolicyCache"/> (and must be checked) rather than
/// from the store just now.</param>
public sealed record CachedMergePolicies(string? Version, IReadOnlyList<MergePolicy> Policies, bool FromCache = false)
{
    public MergePolicy? Find(string id) => Policies.FirstOrDefault(p => p.Id == id);

    /// <summary>The default of the class, as <see cref="MergePolicySet.DefaultFor"/>.</summary>
    public MergePolicy? DefaultFor(string schemaName) =>
        Policies.FirstOrDefault(p => p.Default && string.Equals(p.SchemaName, schemaName, StringComparison.Ordinal));
}
