using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.SchemaRegistry;

public sealed partial class SchemaRegistryService
{
    private const int ConcurrentUpdateAttempts = 3;

    /// <summary><c>PUT</c>: the body replaces the resource (help/xdm/api/schemas.md §put); registry fields are kept.</summary>
    public Task<JsonObject> ReplaceAsync(TenantKey tenant, XdmAuthor author, XdmResourceType type, string idOrAltId, JsonObject body, CancellationToken ct) =>
        ReviseAsync(tenant, author, type, idOrAltId, _ => (JsonObject)body.DeepClone(), ct);

    /// <summary><c>PATCH</c> with a JSON Patch (help/xdm/api/schemas.md §patch): applied to a copy of the stored document,
    /// then checked like a PUT.</summary>
    public Task<JsonObject> PatchAsync(TenantKey tenant, XdmAuthor author, XdmResourceType type, string idOrAltId, IXdmPatch patch, CancellationToken ct) =>
        ReviseAsync(tenant, author, type, idOrAltId, current =>
        {
            var copy = (JsonObject)current.DeepClone();
            patch.ApplyTo(copy);
            return copy;
        }, ct);

    private async Task<JsonObject> ReviseAsync(TenantKey tenant, XdmAuthor author, XdmResourceType type, string idOrAltId, Func<JsonObject, JsonObject> edit, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ReviseOnceAsync(tenant, author, type, idOrAltId, edit, ct);
            }
            catch (XdmConcurrentUpdateException) when (attempt < ConcurrentUpdateAttempts)
            {
                // Another writer stored a revision between our read and write: redo the edit on the new revision.
            }
            catch (XdmConcurrentUpdateException)
            {
                throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Resource {idOrAltId} is being changed by other requests at the same time; retry the request.");
            }
        }
    }

    private async Task<JsonObject> ReviseOnceAsync(TenantKey tenant, XdmAuthor author, XdmResourceType type, string idOrAltId, Func<JsonObject, JsonObject> edit, CancellationToken ct)
    {
        var resource = await store.FindAsync(idOrAltId, ct);
        if (resource is null || resource.Type != type)
        {
            throw NotFound(idOrAltId, 1);
        }

        var current = Parse(resource);
        var document = edit(current);
        var title = XdmResourceRules.RequireTitle(document);
        foreach (var readOnly in ReadOnlyFields)
        {
            document.Remove(readOnly);
        }

        var before = await ResolverAsync(ct);
        XdmLineage.Apply(type, resource.Id, document, "_" + author.TenantId, before);
        if (title != resource.Title && await store.FindByTitleAsync(title, ct) is { } clash && clash.Id != resource.Id)
        {
            throw TitleTaken(clash.Id);
        }

        var now = clock.GetUtcNow();
        var version = XdmVersion.Next(resource.Version);
        Restamp(document, current, version, author, now);

        var after = before.With(resource.Id, document);
        _ = new XdmComposer(after).Compose(document);
        await CheckProfileRulesAsync(resource.Id, current, document, after, ct);
        await RequireNonBreakingForLockedSchemasAsync(before, after, ct);

        resource.Revise(title, version, document.ToJsonString(Compact), now);
        try
        {
            await store.UpdateAsync(resource, Audit(tenant, author, resource.Id, type, current, document, now), ct);
        }
        catch (XdmTitleTakenException)
        {
            throw TitleTaken((await store.FindByTitleAsync(title, ct))?.Id ?? "another resource");
        }

        return document;
    }

    /// <summary>Carries the registry's fields from the stored revision and records this one.</summary>
    private static void Restamp(JsonObject document, JsonObject current, string version, XdmAuthor author, DateTimeOffset now)
    {
        foreach (var kept in new[] { "$id", "meta:altId", "meta:resourceType", "type", "meta:xdmType", "meta:abstract", "meta:extensible", "imsOrg", "meta:containerId", "meta:sandboxId", "meta:tenantNamespace" })
        {
            document[kept] = current[kept]?.DeepClone();
        }

        var ms = now.ToUnixTimeMilliseconds();
        var metadata = current["meta:registryMetadata"]?.DeepClone() as JsonObject ?? [];
        metadata["repo:lastModifiedDate"] = ms;
        metadata["xdm:lastModifiedClientId"] = author.ClientId;
        metadata["xdm:lastModifiedUserId"] = author.UserId;
        metadata["eTag"] = ETag(XdmLineage.StringOf(current["$id"]) ?? "", version, ms);
        document["meta:registryMetadata"] = metadata;
        document["version"] = version;
    }

    /// <summary>Every schema enabled for Profile or used by a dataset must compose, after the change, to a superset of
    /// what it was.</summary>
    private async Task RequireNonBreakingForLockedSchemasAsync(XdmResolverSnapshot before, XdmResolverSnapshot after, CancellationToken ct)
    {
        var datasets = usage is null ? new Dictionary<string, IReadOnlyList<string>>() : await usage.DatasetsBySchemaAsync(ct);
        foreach (var (id, schema) in before.Tenant.Where(r => XdmLineage.StringOf(r.Value["meta:resourceType"]) == "schemas"))
        {
            var reason = XdmUnion.IsEnabled(schema) ? "is enabled for Profile"
                : datasets.TryGetValue(id, out var users) ? $"is used by dataset {string.Join(", ", users.Take(3))}{(users.Count > 3 ? " and others" : "")}"
                : null;
            if (reason is null)
            {
                continue;
            }

            var old = new XdmComposer(before).Compose(schema);
            var now = new XdmComposer(after).Compose(after.Resolve(id)!);
            XdmEvolution.RequireNonBreaking(id, reason, old, now);
        }
    }
}
