using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Json;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>Profile's merge policy configuration (profile.yaml <c>/ups/config/mergePolicies</c>,
/// help/profile/api/merge-policies.md): list, lookup, bulk lookup, create, replace, patch and delete, with the
/// sandbox's default policy provisioned on first use.</summary>
/// <remarks>Every change loads the sandbox's whole <see cref="MergePolicySet"/>, applies the change and saves it;
/// when another writer saved first the change is re-applied to fresh state, so concurrent "set default" requests
/// leave exactly one default.</remarks>
public sealed class MergePolicyService(
    IMergePolicyStore store,
    ISandboxStore sandboxes,
    IDatasetStore datasets,
    IMergePolicyClasses classes,
    TimeProvider clock)
{
    /// <summary>Attempts of one change against concurrent writers before it gives up with a 409.</summary>
    public const int MaxAttempts = 20;

    /// <summary>Most ids one bulk lookup takes [unverified: AEP documents no limit].</summary>
    public const int MaxBulkIds = 100;

    public async Task<JsonObject> ListAsync(TenantKey tenant, MergePolicyQuery query, CancellationToken ct)
    {
        var set = await ProvisionedAsync(tenant, ct);
        var (page, total) = query.Apply(set.Policies);
        var sandbox = await sandboxes.FindAsync(tenant.Sandbox, ct);
        var pageInfo = new JsonObject { ["totalCount"] = total, ["pageSize"] = page.Count, ["count"] = page.Count };
        var next = query.NextHref(page.Count, total);
        if (next.Length > 0)
        {
            pageInfo["next"] = (query.Start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new JsonObject
        {
            ["_page"] = pageInfo,
            ["children"] = new JsonArray([.. page.Select(p => (JsonNode)MergePolicyJson.ToJson(p, sandbox))]),
            ["_links"] = new JsonObject { ["next"] = new JsonObject { ["href"] = next } },
        };
    }

    public async Task<JsonObject> GetAsync(TenantKey tenant, string id, CancellationToken ct) =>
        await RenderAsync(tenant, (await FindAsync(tenant, id, ct))!, ct);

    /// <summary>The policy with this id (404 when the sandbox has none), for other Profile features.</summary>
    public async Task<MergePolicyDefinition> FindAsync(TenantKey tenant, string id, CancellationToken ct) =>
        (await ProvisionedAsync(tenant, ct)).Get(id);

    /// <summary>The default policy of a schema class, or null when the class has none (then nothing is merged or stitched).</summary>
    public async Task<MergePolicyDefinition?> DefaultForAsync(TenantKey tenant, string schemaName, CancellationToken ct) =>
        (await ProvisionedAsync(tenant, ct)).DefaultFor(schemaName);

    /// <summary><c>POST /bulk-get</c> with <c>{"ids":[{"id":...}]}</c>: <c>{"results":{id: policy}}</c> for the ids that
    /// exist; unknown ids are left out [unverified: the docs show only found ones].</summary>
    public async Task<JsonObject> BulkGetAsync(TenantKey tenant, JsonNode? body, CancellationToken ct)
    {
        var ids = BulkIds(body);
        var set = await ProvisionedAsync(tenant, ct);
        var sandbox = await sandboxes.FindAsync(tenant.Sandbox, ct);
        var results = new JsonObject();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (set.Find(id) is { } policy)
            {
                results[id] = MergePolicyJson.ToJson(policy, sandbox);
            }
        }

        return new JsonObject { ["results"] = results };
    }

    public async Task<JsonObject> CreateAsync(TenantKey tenant, JsonNode? body, CancellationToken ct)
    {
        var fields = MergePolicyFields.Parse(body);
        await CheckReferencesAsync(fields, ct);
        var created = await ChangeAsync(tenant, set => Task.FromResult(set.Create(fields, NewId(), clock.GetUtcNow())), ct);
        return await RenderAsync(tenant, created, ct);
    }

    public async Task<JsonObject> ReplaceAsync(TenantKey tenant, string id, JsonNode? body, CancellationToken ct)
    {
        await FindAsync(tenant, id, ct); // 404 before 400, as for a lookup
        var fields = MergePolicyFields.Parse(body, id);
        await CheckReferencesAsync(fields, ct);
        var replaced = await ChangeAsync(tenant, set => Task.FromResult(set.Replace(id, fields, clock.GetUtcNow())), ct);
        return await RenderAsync(tenant, replaced, ct);
    }

    public async Task<JsonObject> PatchAsync(TenantKey tenant, string id, JsonNode? body, CancellationToken ct)
    {
        await FindAsync(tenant, id, ct);
        var patch = MergePolicyPatch.Parse(body);
        var patched = await ChangeAsync(
            tenant,
            async set =>
            {
                var fields = patch.ApplyTo(set.Get(id).Fields);
                await CheckReferencesAsync(fields, ct);
                return set.Replace(id, fields, clock.GetUtcNow());
            },
            ct);
        return await RenderAsync(tenant, patched, ct);
    }

    public Task DeleteAsync(TenantKey tenant, string id, CancellationToken ct) =>
        ChangeAsync(tenant, set => { set.Delete(id); return Task.FromResult(true); }, ct);

    private async Task<MergePolicySet> ProvisionedAsync(TenantKey tenant, CancellationToken ct)
    {
        var set = await store.LoadAsync(tenant, ct);
        return set.State is not null ? set : await ChangeAsync(tenant, Task.FromResult, ct);
    }

    /// <summary>Applies <paramref name="change"/> to the sandbox's freshly loaded set (provisioned first) and saves
    /// it, again on fresh state while other writers win the race.</summary>
    private async Task<T> ChangeAsync<T>(TenantKey tenant, Func<MergePolicySet, Task<T>> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var set = await store.LoadAsync(tenant, ct);
            try
            {
                set.EnsureProvisioned(NewId(), clock.GetUtcNow());
                var result = await change(set);
                if (set.HasChanges)
                {
                    await store.SaveAsync(set, ct);
                }

                return result;
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

    private async Task CheckReferencesAsync(MergePolicyFields fields, CancellationToken ct)
    {
        if (!await classes.IsRecordClassAsync(fields.SchemaName, ct))
        {
            throw new AepException(
                ErrorCatalog.Profile.SchemaClassNotFound,
                $"Field 'schema.name' value '{MergePolicyFields.Short(fields.SchemaName)}' names no record class of this sandbox: use '_xdm.context.profile' or the meta:altId of a record class (time-series classes are not merged).");
        }

        if (fields.Order.Count > 0)
        {
            var found = (await datasets.FindManyAsync(fields.Order, ct)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var missing = fields.Order.Where(d => !found.Contains(d)).ToList();
            if (missing.Count > 0)
            {
                throw new AepException(
                    ErrorCatalog.Profile.DatasetNotFound,
                    $"Field 'attributeMerge.order' names datasets this sandbox does not have: {string.Join(", ", missing.Take(10).Select(MergePolicyFields.Short))}. List datasets with GET /data/foundation/catalog/dataSets.");
            }
        }
    }

    private async Task<JsonObject> RenderAsync(TenantKey tenant, MergePolicyDefinition policy, CancellationToken ct) =>
        MergePolicyJson.ToJson(policy, await sandboxes.FindAsync(tenant.Sandbox, ct));

    private static IReadOnlyList<string> BulkIds(JsonNode? body)
    {
        if (JsonDuplicateKeys.Find(body) is { } duplicate)
        {
            throw MergePolicyFields.Invalid($"The JSON names property '{MergePolicyFields.Short(duplicate)}' twice in one object: send each property once.");
        }

        if (body is not JsonObject o || o["ids"] is not JsonArray ids)
        {
            throw MergePolicyFields.Invalid("The request body must be {\"ids\":[{\"id\":\"<merge policy id>\"}, ...]}.");
        }

        if (ids.Count == 0 || ids.Count > MaxBulkIds)
        {
            throw MergePolicyFields.Invalid($"Field 'ids' lists {ids.Count} merge policies: send 1 to {MaxBulkIds}.");
        }

        return [.. ids.Select((item, i) => item is JsonObject entry && entry["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && PlainText.Read(v) is { Length: > 0 } id
            ? id
            : throw MergePolicyFields.Invalid($"Field 'ids[{i}]' must be an object {{\"id\":\"<merge policy id>\"}}, not {MergePolicyFields.Describe(item)}."))];
    }

    private static string NewId() => Guid.NewGuid().ToString("D");
}
