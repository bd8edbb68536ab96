using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.JsonText;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>Profile's merge policy configuration (profile.yaml <c>/ups/config/mergePolicies</c>,
/// help/profile/api/merge-policies.md): list, lookup, bulk lookup, create, replace, patch and delete, with the
/// sandbox's default policy provisioned on first use.</summary>
/// <remarks>The policy model, its validation (<see cref="MergePolicyDraft"/>, <see cref="MergePolicyPatch"/>) and the
/// rules across policies (<see cref="MergePolicySet"/>) are the domain's; this service adds the references only stores
/// can check (record classes, datasets) and persistence. Every change loads the sandbox's policies, applies the change
/// and saves them with the sandbox's revision; when another writer saved first the change is re-applied to fresh
/// state, so concurrent "set default" requests leave exactly one default.</remarks>
public sealed class MergePolicyService(
    IMergePolicyStore store,
    ISandboxStore sandboxes,
    IDatasetStore datasets,
    IMergePolicyClasses classes,
    TimeProvider clock,
    MergePolicyCache? cache = null)
{
    /// <summary>Attempts of one change against concurrent writers before it gives up with a 409.</summary>
    public const int MaxAttempts = 20;

    /// <summary>Most ids one bulk lookup takes [unverified: AEP documents no limit].</summary>
    public const int MaxBulkIds = 100;

    public async Task<JsonObject> ListAsync(TenantKey tenant, MergePolicyQuery query, CancellationToken ct)
    {
        var set = await ProvisionedAsync(tenant, ct);
        var (page, total) = query.Apply(set.Policies);
        var pageInfo = new JsonObject { ["totalCount"] = total, ["pageSize"] = page.Count, ["count"] = page.Count };
        var next = query.NextHref(page.Count, total);
        if (next.Length > 0)
        {
            pageInfo["next"] = (query.Start + page.Count).ToString(CultureInfo.InvariantCulture);
        }

        return new JsonObject
        {
            ["_page"] = pageInfo,
            ["children"] = new JsonArray([.. page.Select(p => (JsonNode)p.ToJson())]),
            ["_links"] = new JsonObject { ["next"] = new JsonObject { ["href"] = next } },
        };
    }

    public async Task<JsonObject> GetAsync(TenantKey tenant, string id, CancellationToken ct) =>
        (await FindAsync(tenant, id, ct)).ToJson();

    /// <summary>The policy with this id (404 when the sandbox has none), for other Profile features.</summary>
    public async Task<MergePolicy> FindAsync(TenantKey tenant, string id, CancellationToken ct) =>
        (await ProvisionedAsync(tenant, ct)).Get(id);

    /// <summary>The policy a lookup of <paramref name="schemaName"/> uses when none is named: the class's default, else
    /// <see cref="MergePolicy.NoStitching"/> ("the default is no profile merge and no identity stitching").</summary>
    public async Task<MergePolicy> DefaultForAsync(TenantKey tenant, string schemaName, CancellationToken ct) =>
        (await ProvisionedAsync(tenant, ct)).DefaultFor(schemaName)
        ?? MergePolicy.NoStitching(tenant.ImsOrg, await SandboxBlockAsync(tenant, ct), schemaName);

    /// <summary>The sandbox's policies for a read that checks their version itself (the entities lookup,
    /// <see cref="Storage.IProfileLookupReader"/>): from <see cref="MergePolicyCache"/> when there (marked
    /// <see cref="CachedMergePolicies.FromCache"/>), else loaded — provisioned on first use — and cached.</summary>
    public async Task<CachedMergePolicies> CachedAsync(TenantKey tenant, CancellationToken ct)
    {
        if (cache?.Find(tenant) is { } cached)
        {
            return cached with { FromCache = true };
        }

        return await ReloadAsync(tenant, ct);
    }

    /// <summary>The sandbox's policies as stored now (the cache entry replaced), for a read whose cached version turned
    /// out stale.</summary>
    public async Task<CachedMergePolicies> ReloadAsync(TenantKey tenant, CancellationToken ct)
    {
        cache?.Forget(tenant);
        var set = await ProvisionedAsync(tenant, ct);
        var loaded = new CachedMergePolicies(set.HasChanges ? null : set.Version, [.. set.Policies]);
        if (loaded.Version is not null)
        {
            cache?.Put(tenant, loaded);
        }

        return loaded;
    }

    /// <summary>The default of <paramref name="schemaName"/> among <paramref name="policies"/>, else
    /// <see cref="MergePolicy.NoStitching"/>, as <see cref="DefaultForAsync(TenantKey, string, CancellationToken)"/>.</summary>
    public async Task<MergePolicy> DefaultForAsync(TenantKey tenant, CachedMergePolicies policies, string schemaName, CancellationToken ct) =>
        policies.DefaultFor(schemaName)
        ?? MergePolicy.NoStitching(tenant.ImsOrg, await SandboxBlockAsync(tenant, ct), schemaName);

    /// <summary><c>POST /bulk-get</c> with <c>{"ids":[{"id":...}]}</c>: <c>{"results":{id: policy}}</c> for the ids that
    /// exist; unknown ids are left out [unverified: the docs show only found ones].</summary>
    public async Task<JsonObject> BulkGetAsync(TenantKey tenant, JsonNode? body, CancellationToken ct)
    {
        var ids = BulkIds(body);
        var set = await ProvisionedAsync(tenant, ct);
        var results = new JsonObject();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (set.Find(id) is { } policy)
            {
                results[id] = policy.ToJson();
            }
        }

        return new JsonObject { ["results"] = results };
    }

    public async Task<JsonObject> CreateAsync(TenantKey tenant, JsonNode? body, CancellationToken ct)
    {
        var draft = Draft(body);
        await CheckReferencesAsync(draft, ct);
        var sandbox = await SandboxBlockAsync(tenant, ct);
        var created = await ChangeAsync(
            tenant,
            sandbox,
            (set, now) => Task.FromResult(set.Add(MergePolicy.Create(NewId(), tenant.ImsOrg, sandbox, draft, now), now)),
            ct);
        return created.ToJson();
    }

    public async Task<JsonObject> ReplaceAsync(TenantKey tenant, string id, JsonNode? body, CancellationToken ct)
    {
        await FindAsync(tenant, id, ct); // 404 before 400, as for a lookup
        if (body is JsonObject o && o["id"] is { } given && (given.GetValueKind() != JsonValueKind.String || PlainText.Read(given.AsValue()) != id))
        {
            throw MergePolicyErrors.Invalid($"Field 'id' must be the id in the path ('{MergePolicyErrors.Short(id)}') or be left out.");
        }

        var draft = Draft(body);
        await CheckReferencesAsync(draft, ct);
        var replaced = await ChangeAsync(
            tenant,
            await SandboxBlockAsync(tenant, ct),
            (set, now) => Task.FromResult(set.Replace(set.Get(id).Update(draft, now), now)),
            ct);
        return replaced.ToJson();
    }

    public async Task<JsonObject> PatchAsync(TenantKey tenant, string id, JsonNode? body, CancellationToken ct)
    {
        await FindAsync(tenant, id, ct);
        RefuseDuplicateKeys(body);
        var patched = await ChangeAsync(
            tenant,
            await SandboxBlockAsync(tenant, ct),
            async (set, now) =>
            {
                var current = set.Get(id);
                var draft = MergePolicyPatch.Apply(current, body);
                await CheckReferencesAsync(draft, ct);
                return set.Replace(current.Update(draft, now), now);
            },
            ct);
        return patched.ToJson();
    }

    public async Task DeleteAsync(TenantKey tenant, string id, CancellationToken ct) =>
        await ChangeAsync(
            tenant,
            await SandboxBlockAsync(tenant, ct),
            (set, _) =>
            {
                set.Delete(id);
                return Task.FromResult(true);
            },
            ct);

    private async Task<SandboxMergePolicies> ProvisionedAsync(TenantKey tenant, CancellationToken ct)
    {
        var set = await store.LoadAsync(tenant, ct);
        if (set.IsProvisioned)
        {
            return set;
        }

        return await ChangeAsync(tenant, await SandboxBlockAsync(tenant, ct), (fresh, _) => Task.FromResult(fresh), ct);
    }

    /// <summary>Applies <paramref name="change"/> to the sandbox's freshly loaded policies (provisioned first) and saves
    /// them, again on fresh state while other writers win the race. Broken merge policy rules become their Profile
    /// errors here (<see cref="MergePolicyErrors.From"/>).</summary>
    private async Task<T> ChangeAsync<T>(TenantKey tenant, MergePolicySandbox sandbox, Func<SandboxMergePolicies, long, Task<T>> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var set = await store.LoadAsync(tenant, ct);
            var now = clock.GetUtcNow().ToUnixTimeSeconds();
            try
            {
                set.EnsureProvisioned(() => MergePolicy.SystemDefault(NewId(), tenant.ImsOrg, sandbox, now), now);
                var result = await change(set, now);
                if (set.HasChanges)
                {
                    cache?.Forget(tenant);
                    await store.SaveAsync(tenant, set, ct);
                    cache?.Forget(tenant);
                }

                return result;
            }
            catch (MergePolicyRuleException ex)
            {
                throw MergePolicyErrors.From(ex);
            }
            catch (MergePolicyConflictException) when (attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(2, 10 + (attempt * 10))), ct);
            }
            catch (MergePolicyConflictException ex)
            {
                throw new AepException(
                    ErrorCatalog.Profile.ConcurrentChange,
                    $"The sandbox's merge policies kept changing under this request ({ex.Message}): send it again.");
            }
        }
    }

    /// <summary>A POST or PUT body as a validated draft (<see cref="MergePolicyDraft.Parse"/>).</summary>
    private static MergePolicyDraft Draft(JsonNode? body)
    {
        RefuseDuplicateKeys(body);
        try
        {
            return MergePolicyDraft.Parse(body);
        }
        catch (MergePolicyRuleException ex)
        {
            throw MergePolicyErrors.From(ex);
        }
    }

    /// <summary>Bodies are read here rather than bound by MVC, so a property named twice is refused here.</summary>
    private static void RefuseDuplicateKeys(JsonNode? body)
    {
        if (JsonDuplicateKeys.Find(body) is { } duplicate)
        {
            throw MergePolicyErrors.Invalid($"The JSON names property '{MergePolicyErrors.Short(duplicate)}' twice in one object: send each property once.");
        }
    }

    private async Task CheckReferencesAsync(MergePolicyDraft draft, CancellationToken ct)
    {
        if (!await classes.IsRecordClassAsync(draft.SchemaName, ct))
        {
            throw new AepException(
                ErrorCatalog.Profile.SchemaClassNotFound,
                $"Field 'schema.name' value '{MergePolicyErrors.Short(draft.SchemaName)}' names no record class of this sandbox: use '_xdm.context.profile' or the meta:altId of a record class (time-series classes are not merged).");
        }

        var order = draft.AttributeMerge.Order;
        if (order.Count > 0)
        {
            var found = (await datasets.FindManyAsync(order, ct)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var missing = order.Where(d => !found.Contains(d)).ToList();
            if (missing.Count > 0)
            {
                throw new AepException(
                    ErrorCatalog.Profile.DatasetNotFound,
                    $"Field 'attributeMerge.order' names datasets this sandbox does not have: {string.Join(", ", missing.Take(10).Select(MergePolicyErrors.Short))}. List datasets with GET /data/foundation/catalog/dataSets.");
            }
        }
    }

    /// <summary>The <c>sandbox</c> block of the policies AEP returns, from the sandbox as Sandbox Management knows it.</summary>
    private async Task<MergePolicySandbox> SandboxBlockAsync(TenantKey tenant, CancellationToken ct)
    {
        var sandbox = await sandboxes.FindAsync(tenant.Sandbox, ct);
        return new MergePolicySandbox(sandbox?.Id.ToString() ?? string.Empty, tenant.Sandbox, sandbox?.Type.ToWire() ?? string.Empty, sandbox?.IsDefault ?? false);
    }

    private static IReadOnlyList<string> BulkIds(JsonNode? body)
    {
        RefuseDuplicateKeys(body);
        if (body is not JsonObject o || o["ids"] is not JsonArray ids)
        {
            throw MergePolicyErrors.Invalid("The request body must be {\"ids\":[{\"id\":\"<merge policy id>\"}, ...]}.");
        }

        if (ids.Count == 0 || ids.Count > MaxBulkIds)
        {
            throw MergePolicyErrors.Invalid($"Field 'ids' lists {ids.Count} merge policies: send 1 to {MaxBulkIds}.");
        }

        return [.. ids.Select((item, i) => item is JsonObject entry && entry["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && PlainText.Read(v) is { Length: > 0 } id
            ? id
            : throw MergePolicyErrors.Invalid($"Field 'ids[{i}]' must be an object {{\"id\":\"<merge policy id>\"}}, not {MergePolicyErrors.Describe(item)}."))];
    }

    private static string NewId() => Guid.NewGuid().ToString("D");
}
