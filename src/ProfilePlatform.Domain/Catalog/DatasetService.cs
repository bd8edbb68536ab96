using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog.Query;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>Catalog's datasets: create, list, look up, replace, patch and delete, with the rules AEP applies — the
/// schema must exist, and Profile/Identity can only be switched on for a schema enabled for Profile.</summary>
public sealed class DatasetService(IDatasetStore store, ICatalogSchemaLookup schemas, ISandboxStore sandboxes, TimeProvider clock)
{
    /// <summary>The detail AEP sends when a dataset is enabled for Profile on a schema that is not
    /// (older help/xdm/troubleshooting-guide.md §"To enable profile datasets the schema should be valid").</summary>
    public const string ProfileSchemaInvalidDetail = "To enable profile datasets the schema should be valid";

    public Task<JsonObject> ListAsync(CatalogQuery query, CancellationToken ct) =>
        CatalogLookup.ListAsync(query, store.Columns, q => store.QueryAsync(q, ct), d => d.Id, d => d.ToJson());

    /// <summary><c>GET /dataSets/{ids}</c>: one or several comma-separated ids.</summary>
    public async Task<JsonObject> GetAsync(string idSegment, CatalogQuery projection, CancellationToken ct)
    {
        var ids = CatalogLookup.Ids(idSegment);
        var found = ids.Count == 0 ? [] : await store.FindManyAsync(ids, ct);
        return CatalogLookup.Keyed(ids, found, d => d.Id, d => d.ToJson(), projection, "dataSets", idSegment);
    }

    /// <summary>One dataset, or a 404.</summary>
    public async Task<Dataset> FindAsync(string id, CancellationToken ct) =>
        (CatalogIds.IsPlausible(id) ? await store.FindAsync(id, ct) : null) ?? throw NotFound(id);

    public async Task<Dataset> CreateAsync(TenantKey tenant, CatalogAuthor author, JsonObject body, CancellationToken ct)
    {
        CatalogJson.EnsureUnambiguous(body);
        var fields = await CheckedAsync(DatasetFields.Parse(body), previous: null, ct);
        var sandbox = await sandboxes.FindAsync(tenant.Sandbox, ct);
        var dataset = Dataset.Create(tenant, sandbox?.Id.ToString() ?? "", fields, author, clock.GetUtcNow());
        await store.AddAsync(dataset, ct);
        return dataset;
    }

    /// <summary><c>PUT</c>: the writable fields become exactly the body's.</summary>
    public async Task<Dataset> ReplaceAsync(string id, JsonObject body, CatalogAuthor by, string? ifMatch, CancellationToken ct)
    {
        CatalogJson.EnsureUnambiguous(body);
        var dataset = await FindAsync(id, ct);
        CatalogLookup.CheckIfMatch(ifMatch, dataset.Version, id);
        var fields = await CheckedAsync(DatasetFields.Parse(body), dataset.Fields, ct);
        dataset.Replace(fields, by, clock.GetUtcNow());
        await SaveAsync(dataset, ct);
        return dataset;
    }

    /// <summary><c>PATCH</c>: a JSON object replaces the top-level fields it names (null removes one) and keeps the
    /// others (help/catalog/api/update-object.md); a JSON Patch array applies its operations path by path.</summary>
    public async Task<Dataset> PatchAsync(string id, JsonNode body, CatalogAuthor by, string? ifMatch, CancellationToken ct)
    {
        CatalogJson.EnsureUnambiguous(body);
        var dataset = await FindAsync(id, ct);
        CatalogLookup.CheckIfMatch(ifMatch, dataset.Version, id);
        var current = dataset.Fields.ToJson();
        var next = body switch
        {
            JsonArray operations => CatalogJsonPatch.Apply(current, operations, DatasetFields.ReadOnly),
            JsonObject changes => Merge(current, changes),
            _ => throw CatalogJson.Invalid($"The PATCH body is {CatalogJson.Kind(body)}: send an object of fields to change, or a JSON Patch array with Content-Type application/json-patch+json."),
        };
        var fields = await CheckedAsync(DatasetFields.Parse(next), dataset.Fields, ct);
        dataset.Replace(fields, by, clock.GetUtcNow());
        await SaveAsync(dataset, ct);
        return dataset;
    }

    /// <summary><c>DELETE</c>: removes the dataset and its data; false when no such dataset exists (AEP then answers
    /// 200 with an empty array, help/catalog/api/delete-object.md).</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        var dataset = CatalogIds.IsPlausible(id) ? await store.FindAsync(id, ct) : null;
        if (dataset is null)
        {
            return false;
        }

        await store.DeleteAsync(dataset, clock.GetUtcNow(), ct);
        return true;
    }

    private static JsonObject Merge(JsonObject current, JsonObject changes)
    {
        foreach (var (key, value) in changes)
        {
            if (DatasetFields.ReadOnly.Contains(key))
            {
                continue; // expandable and system fields cannot be patched (help/catalog/api/update-object.md)
            }

            if (value is null)
            {
                current.Remove(key);
            }
            else
            {
                current[key] = value.DeepClone();
            }
        }

        return current;
    }

    /// <summary>The schema must exist (when new or changed), and Profile/Identity need a Profile-enabled schema.</summary>
    private async Task<DatasetFields> CheckedAsync(DatasetFields fields, DatasetFields? previous, CancellationToken ct)
    {
        var enables = fields.Tags.ProfileEnabled || fields.Tags.IdentityEnabled;
        var schemaChanged = previous is null || previous.SchemaRef.Id != fields.SchemaRef.Id;
        if (!schemaChanged && !enables)
        {
            return fields;
        }

        var schema = await schemas.FindAsync(fields.SchemaRef.Id, ct)
            ?? throw CatalogJson.Invalid(
                $"Field 'schemaRef.id' names '{Short(fields.SchemaRef.Id)}', which is no schema of this sandbox or the standard library: create the schema first (POST /data/foundation/schemaregistry/tenant/schemas) or use its $id.");
        if (enables && !schema.ProfileEnabled)
        {
            var tag = fields.Tags.ProfileEnabled ? CatalogTags.UnifiedProfile : CatalogTags.UnifiedIdentity;
            throw new AepException(
                ErrorCatalog.Catalog.ProfileSchemaInvalid,
                $"{ProfileSchemaInvalidDetail}: tags.{tag} is enabled but schema {schema.Id} is not enabled for Profile (its meta:immutableTags has no \"union\"). Enable the schema for Profile first, or leave the dataset's unifiedProfile/unifiedIdentity tags off.");
        }

        return fields with { SchemaRef = fields.SchemaRef with { Id = schema.Id } };
    }

    private async Task SaveAsync(Dataset dataset, CancellationToken ct)
    {
        try
        {
            await store.SaveAsync(dataset, ct);
        }
        catch (CatalogConcurrencyException)
        {
            throw new AepException(ErrorCatalog.Catalog.PreconditionFailed, $"Dataset {dataset.Id} was changed by another request while this one ran: read it again and retry.");
        }
    }

    private static AepException NotFound(string id) =>
        new(ErrorCatalog.Catalog.NotFound, $"No dataset with id '{Short(id)}' exists in this sandbox: list them with GET /dataSets.");

    private static string Short(string text) => text.Length <= 128 ? text : text[..128] + "...";
}
