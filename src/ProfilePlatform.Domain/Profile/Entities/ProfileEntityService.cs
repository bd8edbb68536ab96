using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Profile.MergePolicies;
using ProfilePlatform.Domain.Profile.Storage;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Profile.Entities;

/// <summary>Real-Time Customer Profile's entities API (profile.yaml <c>/ups/access/entities</c>,
/// help/profile/api/entities.md): merged profiles by identity, a profile's experience events, bulk lookups and
/// deletion — computed from the stored fragments, events and identity graph under a merge policy.</summary>
/// <remarks>
/// Steps of every lookup: the merge policy (<c>mergePolicyId</c>, else the sandbox's default for
/// <c>_xdm.context.profile</c>, else no stitching); the identity (namespace code through the sandbox's namespaces, or an
/// XID through <see cref="IEntityIdentityResolver"/>); its identity graph when the policy stitches (<c>pdg</c>); then
/// <see cref="ProfileMerger.Merge"/> over the fragments of <see cref="ProfileLookup.IdentitiesFor"/>, or the events of
/// those identities in the store's time order (under <c>dataSetPrecedence</c> only the listed datasets, the rule of
/// <see cref="MergePolicy.Includes"/>).
/// </remarks>
public sealed class ProfileEntityService(
    IIdentityNamespaceCatalog namespaces,
    IdentityGraphService graph,
    IProfileFragmentStore fragments,
    IExperienceEventStore events,
    IEntityIdentityResolver xids,
    MergePolicyService policies,
    IProfileLookupReader? reader = null,
    IProfileEntityEraser? eraser = null)
{

    /// <summary>The registered reader, else the reference one over the graph service and fragment store.</summary>
    private IProfileLookupReader Reader => reader ?? new GraphProfileLookupReader(graph, fragments);

    /// <summary>Events read per store call while applying <c>property</c> filters.</summary>
    public const int FilterChunk = 500;

    /// <summary>Most events one filtered page reads before it answers with what matched so far and a next link.</summary>
    public const int MaxFilterScan = 20_000;

    /// <summary>GET: <c>{"&lt;XID&gt;": entity}</c> for a profile (404 when nothing is stored for it), or an events page.</summary>
    public async Task<JsonObject> GetAsync(TenantKey tenant, EntityQuery query, CancellationToken ct)
    {
        if (!query.IsEvents)
        {
            var profile = await GetProfileAsync(tenant, query, ct);
            return new JsonObject { [profile.EntityId] = profile.ToJson(query.Options.Fields) };
        }

        var policy = await PolicyAsync(tenant, query.Options.MergePolicyId, ct);
        var identity = await ResolveAsync(query.Identity, ct) ?? throw EntityErrors.UnknownXid(query.Identity.Id);
        var lookup = await LookupAsync(identity, policy, ct);
        var page = await EventsAsync(lookup, policy, query.Options, query.Start, ct, query.Properties);
        if (page.Events.Count == 0 && query.Start is null && !await HasDataAsync(lookup, policy, ct))
        {
            throw EntityErrors.NotFound(query.Identity);
        }

        return page.ToJson(new JsonObject { ["href"] = page.Next is { } next ? query.NextHref(next) : string.Empty });
    }

    /// <summary>GET of a profile (not its events): the merged profile, for a caller that writes it itself
    /// (<see cref="MergedProfile.WriteTo"/>); 404 when nothing is stored for it.</summary>
    public async Task<MergedProfile> GetProfileAsync(TenantKey tenant, EntityQuery query, CancellationToken ct)
    {
        var profile = await ProfileAsync(tenant, query.Options.MergePolicyId, query.Identity, ct);
        return profile.IsEmpty ? throw EntityErrors.NotFound(query.Identity) : profile;
    }

    /// <summary>POST: one key per requested identity (its XID). Profiles: the merged entity, or the documented empty
    /// shape when nothing is stored (also for an XID no store knows). Events: a page per identity, whose next page is
    /// a <c>payload</c> to POST again (help/profile/api/entities.md, "Access additional results").</summary>
    public async Task<JsonObject> BulkAsync(TenantKey tenant, EntityBulkRequest request, CancellationToken ct)
    {
        var policy = await PolicyAsync(tenant, request.Options.MergePolicyId, ct);
        var result = new JsonObject();
        foreach (var entry in request.Identities)
        {
            var identity = await ResolveAsync(entry.Identity, ct);
            var key = identity?.Xid ?? entry.Identity.Id;
            if (result.ContainsKey(key))
            {
                continue;
            }

            if (identity is null)
            {
                result[key] = request.IsEvents ? EmptyPage(request.Options) : MergedProfile.EmptyJson(key);
                continue;
            }

            var lookup = await LookupAsync(identity, policy, ct);
            if (!request.IsEvents)
            {
                result[key] = (await MergeAsync(lookup, policy, ct)).ToJson(request.Options.Fields);
                continue;
            }

            var page = await EventsAsync(lookup, policy, request.Options, entry.Start, ct);
            var link = page.Next is { } next
                ? new JsonObject { ["href"] = "/entities", ["payload"] = request.NextPayload(entry, next) }
                : new JsonObject { ["href"] = string.Empty };
            result[key] = page.ToJson(link);
        }

        return result;
    }

    /// <summary>DELETE: removes the profile's fragments and events — those stored against the identities the merge
    /// policy makes the profile of (just the identity itself under the default <c>none</c> policy) — from the Profile
    /// store; the identity graph and the data lake keep theirs (profile.yaml: "Delete an entity"; what else AEP removes
    /// is [unverified]). 404 when nothing is stored for it.</summary>
    public async Task DeleteAsync(TenantKey tenant, EntityDeleteQuery query, CancellationToken ct)
    {
        var policy = await PolicyAsync(tenant, query.MergePolicyId, ct);
        var identity = await ResolveAsync(query.Identity, ct) ?? throw EntityErrors.NotFound(query.Identity);
        var lookup = await LookupAsync(identity, policy, ct);
        var keys = lookup.IdentitiesFor(policy).Select(i => i.Xid).ToList();
        var deleted = await (eraser ?? new SequentialProfileEntityEraser(fragments, events)).DeleteAsync(keys, ct);
        if (deleted == 0)
        {
            throw EntityErrors.NotFound(query.Identity);
        }
    }

    /// <summary>The merged profile of a GET: the hot path of the entities API. The merge policy comes from
    /// <see cref="MergePolicyCache"/> and the graph members and fragments from one <see cref="IProfileLookupReader"/>
    /// call, which also reports the policies' stored version; when that differs from the cached one, the policies are
    /// reloaded and, if the stitching changed, the data read again — so the answer is the one the uncached path gives
    /// for the policies as they were when the data was read.</summary>
    private async Task<MergedProfile> ProfileAsync(TenantKey tenant, string? policyId, EntityIdentity requested, CancellationToken ct)
    {
        var stored = await policies.CachedAsync(tenant, ct);
        var policy = await PolicyAsync(tenant, stored, policyId, ct);
        var identity = await ResolveAsync(requested, ct) ?? throw EntityErrors.UnknownXid(requested.Id);
        var read = await Reader.ReadAsync(identity, policy.Stitches, ct);
        if (stored.FromCache && read.PolicyVersion != stored.Version)
        {
            stored = await policies.ReloadAsync(tenant, ct);
            var current = await PolicyAsync(tenant, stored, policyId, ct);
            if (current.Stitches != policy.Stitches)
            {
                read = await Reader.ReadAsync(identity, current.Stitches, ct);
            }

            policy = current;
        }

        return ProfileMerger.Merge(Lookup(identity, policy, read.Graph), read.Fragments, policy);
    }

    /// <summary><see cref="PolicyAsync(TenantKey, string?, CancellationToken)"/> over policies already at hand; an id
    /// a cached set does not know is looked up again in the store before it is a 404.</summary>
    private async Task<MergePolicy> PolicyAsync(TenantKey tenant, CachedMergePolicies stored, string? id, CancellationToken ct)
    {
        if (id is null)
        {
            return await policies.DefaultForAsync(tenant, stored, EntitySchemas.Profile, ct);
        }

        var policy = stored.Find(id) ?? (stored.FromCache ? null : throw MergePolicyErrors.NotFound(id));
        return policy is null ? await PolicyAsync(tenant, id, ct) : ProfilePolicy(policy, id);
    }

    /// <summary>The policy named, else the sandbox's default for profiles (404 for an id the sandbox does not have).</summary>
    private async Task<MergePolicy> PolicyAsync(TenantKey tenant, string? id, CancellationToken ct)
    {
        if (id is null)
        {
            return await policies.DefaultForAsync(tenant, EntitySchemas.Profile, ct);
        }

        return ProfilePolicy(await policies.FindAsync(tenant, id, ct), id);
    }

    private static MergePolicy ProfilePolicy(MergePolicy policy, string id) =>
        policy.SchemaName == EntitySchemas.Profile
            ? policy
            : throw EntityErrors.Invalid($"Merge policy '{EntityErrors.Short(id)}' (mergePolicyId) merges class '{EntityErrors.Short(policy.SchemaName)}', not _xdm.context.profile: name a merge policy of the profile class, or leave mergePolicyId out for the default.");

    /// <summary>The identity, or null for an XID no store knows; an unknown namespace is a 400.</summary>
    private async Task<CompositeIdentity?> ResolveAsync(EntityIdentity identity, CancellationToken ct)
    {
        if (identity.IsXid)
        {
            return await xids.FindByXidAsync(identity.Id, ct);
        }

        var ns = await namespaces.FindByCodeAsync(identity.Namespace!, ct)
            ?? throw EntityErrors.UnknownNamespace(identity.NamespaceParameter, identity.Namespace!);
        return new CompositeIdentity(ns.Code, identity.Id);
    }

    private async Task<ProfileLookup> LookupAsync(CompositeIdentity identity, MergePolicy policy, CancellationToken ct)
    {
        if (!policy.Stitches)
        {
            return new ProfileLookup(identity, [identity]);
        }

        return Lookup(identity, policy, await graph.RelatedIdentitiesAsync(identity, ct));
    }

    private static ProfileLookup Lookup(CompositeIdentity identity, MergePolicy policy, IReadOnlyList<CompositeIdentity> related) =>
        !policy.Stitches ? new ProfileLookup(identity, [identity])
        : related.Count > IdentityGuardrails.MaxIdentitiesPerGraph
            ? throw EntityErrors.TooManyRelatedIdentities(related.Count, IdentityGuardrails.MaxIdentitiesPerGraph)
            : new ProfileLookup(identity, related);

    private async Task<MergedProfile> MergeAsync(ProfileLookup lookup, MergePolicy policy, CancellationToken ct)
    {
        var keys = lookup.IdentitiesFor(policy).Select(i => i.Xid).ToList();
        return ProfileMerger.Merge(lookup, await fragments.FindByIdentitiesAsync(keys, ct), policy);
    }

    private async Task<EntityEventPage> EventsAsync(
        ProfileLookup lookup, MergePolicy policy, EntityOptions options, ExperienceEventPosition? start, CancellationToken ct, IReadOnlyList<EventPropertyFilter>? properties = null)
    {
        var query = EventQuery(lookup, policy) with
        {
            From = options.StartTime,
            To = options.EndTime,
            Limit = options.Limit + 1,
            Descending = options.Descending,
            After = start,
        };
        if (properties is not { Count: > 0 })
        {
            return EntityEventPage.From(lookup.Requested, await events.FindAsync(query, ct), options);
        }

        // Property filters are applied to the stored JSON while scanning the time series in store order, a chunk at a
        // time; a page ends after limit matches or after MaxFilterScan events (then its next link goes on from there).
        var matched = new List<ExperienceEvent>();
        ExperienceEvent? lastScanned = null;
        for (var scanned = 0; scanned < MaxFilterScan;)
        {
            var chunk = await events.FindAsync(query with { Limit = FilterChunk }, ct);
            foreach (var e in chunk)
            {
                if (properties.All(p => p.Matches(e.Record)))
                {
                    if (matched.Count == options.Limit)
                    {
                        return new EntityEventPage(lookup.Requested, matched, EventPageToken.Encode(ExperienceEventPosition.Of(matched[^1])), options);
                    }

                    matched.Add(e);
                }

                lastScanned = e;
            }

            if (chunk.Count < FilterChunk)
            {
                return new EntityEventPage(lookup.Requested, matched, null, options);
            }

            scanned += chunk.Count;
            query = query with { After = ExperienceEventPosition.Of(chunk[^1]) };
        }

        return new EntityEventPage(lookup.Requested, matched, EventPageToken.Encode(ExperienceEventPosition.Of(lastScanned!)), options);
    }

    /// <summary>Whether Profile holds anything for the lookup (a fragment or an event at any time), which tells an
    /// empty events window (200) from an unknown profile (404) [unverified: AEP answers 404 while a profile has not
    /// arrived; whether it does for an empty time window is not documented].</summary>
    private async Task<bool> HasDataAsync(ProfileLookup lookup, MergePolicy policy, CancellationToken ct) =>
        (await events.FindAsync(EventQuery(lookup, policy) with { Limit = 1 }, ct)).Count > 0
        || !(await MergeAsync(lookup, policy, ct)).IsEmpty;

    private static ExperienceEventQuery EventQuery(ProfileLookup lookup, MergePolicy policy) => new(
        [.. lookup.IdentitiesFor(policy).Select(i => i.Xid)],
        DatasetIds: policy.AttributeMerge.IsDataSetPrecedence ? policy.AttributeMerge.Order : null);

    /// <summary>The events answer for an XID no store knows: an empty last page.</summary>
    private static JsonObject EmptyPage(EntityOptions options) =>
        new EntityEventPage(new CompositeIdentity("XID", "-"), [], null, options).ToJson(new JsonObject { ["href"] = string.Empty });
}
