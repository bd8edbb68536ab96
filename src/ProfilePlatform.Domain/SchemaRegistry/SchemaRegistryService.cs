using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry.Library;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>The Schema Registry: the standard library (global) and the tenant's classes, field groups, data types and
/// schemas, with the rules AEP enforces when they are created or changed, and the unions of Profile-enabled schemas.</summary>
/// <remarks><paramref name="usage"/> is absent only where no Catalog exists (unit tests of the registry alone).</remarks>
public sealed partial class SchemaRegistryService(ISchemaRegistryStore store, IXdmLibrary library, IXdmSchemaDescriptors descriptors, TimeProvider clock, IXdmSchemaUsage? usage = null)
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>Fields the registry owns: a request body cannot set them.</summary>
    private static readonly string[] ReadOnlyFields =
        ["$id", "meta:altId", "meta:resourceType", "version", "meta:registryMetadata", "imsOrg", "meta:containerId", "meta:sandboxId", "meta:tenantNamespace", "meta:class", "meta:extends", XdmLineage.DatasetNamespace];

    /// <summary>The raw documents of one type in one container.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(XdmContainer container, XdmResourceType type, CancellationToken ct)
    {
        if (container == XdmContainer.Global)
        {
            return library.All.Where(r => r.Type == type).Select(r => (JsonObject)r.Document.DeepClone()).ToList();
        }

        return (await store.ListAsync(type, ct)).Select(Parse).ToList();
    }

    /// <summary>One resource in the form the Accept header asks for; a tenant schema lookup of a <c>__union</c> id
    /// answers the union (help/xdm/api/unions.md: unions are looked up through <c>/unions</c> and <c>/schemas</c>).</summary>
    public async Task<JsonObject> GetAsync(XdmContainer container, XdmResourceType type, string idOrAltId, XdmAccept accept, CancellationToken ct)
    {
        if (container == XdmContainer.Tenant && type == XdmResourceType.Schema && XdmUnion.IsUnionId(idOrAltId))
        {
            return await GetUnionAsync(idOrAltId, accept, ct);
        }

        var raw = await FindAsync(container, type, idOrAltId, ct) ?? throw NotFound(idOrAltId, accept.Version ?? 1);
        return await RenderAsync(raw, accept, null, ct);
    }

    public async Task<JsonObject> CreateAsync(TenantKey tenant, XdmAuthor author, XdmResourceType type, JsonObject body, CancellationToken ct)
    {
        var resolver = await ResolverAsync(ct);
        var created = PrepareNew(tenant, author, type, body, resolver, XdmId.NewTenantId(author.TenantId, type), XdmVersion.Initial, requireIntent: true);
        if (await store.FindByTitleAsync(created.Resource.Title, ct) is { } clash)
        {
            throw TitleTaken(clash.Id);
        }

        await CheckProfileRulesAsync(created.Resource.Id, null, created.Document, resolver.With(created.Resource.Id, created.Document), ct);
        try
        {
            await store.AddAsync(created.Resource, created.Audit, ct);
        }
        catch (XdmTitleTakenException)
        {
            throw TitleTaken((await store.FindByTitleAsync(created.Resource.Title, ct))?.Id ?? "another resource");
        }

        return created.Document;
    }

    /// <summary>A new resource checked against the rules of its type and stamped with the registry's fields; nothing is stored.</summary>
    private NewResource PrepareNew(TenantKey tenant, XdmAuthor author, XdmResourceType type, JsonObject body, XdmResolverSnapshot resolver, string id, string version, bool requireIntent)
    {
        var title = XdmResourceRules.RequireTitle(body);
        var document = (JsonObject)body.DeepClone();
        foreach (var readOnly in ReadOnlyFields)
        {
            document.Remove(readOnly);
        }

        XdmLineage.Apply(type, id, document, "_" + author.TenantId, resolver, requireIntent);
        var now = clock.GetUtcNow();
        Stamp(document, id, type, tenant, author, now);
        document["version"] = version;

        // Every reference must resolve and the parts must agree: composing proves both before anything is stored.
        _ = new XdmComposer(resolver).Compose(document);
        var resource = XdmResource.Create(tenant, id, type, title, version, document.ToJsonString(Compact), now);
        return new NewResource(resource, document, Audit(tenant, author, id, type, [], document, now));
    }

    private sealed record NewResource(XdmResource Resource, JsonObject Document, XdmAuditEntry Audit);

    public async Task DeleteAsync(XdmResourceType type, string idOrAltId, CancellationToken ct)
    {
        var resource = await store.FindAsync(idOrAltId, ct);
        if (resource is null || resource.Type != type)
        {
            throw NotFound(idOrAltId, 1);
        }

        // A resource other resources compose from cannot go: their compositions would dangle. [unverified] AEP's
        // code for this refusal is not documented.
        var users = (await ResolverAsync(ct)).Tenant
            .Where(r => r.Key != resource.Id && References(r.Value).Contains(resource.Id))
            .Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
        if (users.Count > 0)
        {
            throw new AepException(
                ErrorCatalog.SchemaRegistry.InvalidResource,
                $"Resource {resource.Id} is used by {string.Join(", ", users.Take(5))}{(users.Count > 5 ? $" and {users.Count - 5} more" : "")}: remove it from them (or delete them) first.");
        }

        await store.DeleteAsync(resource, ct);
    }

    /// <summary><c>GET /rpc/auditlog/{id}</c>: the changes of a tenant resource, newest first.</summary>
    public async Task<JsonArray> AuditLogAsync(string idOrAltId, CancellationToken ct)
    {
        var resource = await store.FindAsync(idOrAltId, ct) ?? throw NotFound(idOrAltId, 1);
        var entries = await store.AuditLogAsync(resource.Id, ct);
        return new JsonArray(entries.Select(e => (JsonNode)new JsonObject
        {
            ["id"] = e.ResourceId,
            ["auditTrails"] = JsonNode.Parse(e.Trails),
            ["updatedUser"] = e.UpdatedUser,
            ["imsOrg"] = e.ImsOrg,
            ["updated"] = e.Updated,
            ["clientId"] = e.ClientId,
            ["sandBoxId"] = e.Sandbox,
        }).ToArray());
    }

    /// <summary><c>GET /stats</c>: the tenant id clients build <c>_{tenantId}</c> paths from, and what the sandbox holds.</summary>
    public async Task<JsonObject> StatsAsync(XdmAuthor who, CancellationToken ct)
    {
        var all = await store.ListAsync(null, ct);
        int Count(XdmResourceType t) => all.Count(r => r.Type == t);
        // schema-registry.yaml's form (an array per class with numberOfSchemas); the 2019 example in
        // help/xdm/api/getting-started.md keys an object by class id instead.
        var resolver = Resolver(all);
        var schemas = all.Where(r => r.Type == XdmResourceType.Schema).Select(Parse).ToList();
        var classUsage = new JsonArray();
        foreach (var usage in schemas
                     .GroupBy(s => XdmLineage.StringOf(s["meta:class"]) ?? "", StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            classUsage.Add(new JsonObject
            {
                ["$id"] = usage.Key,
                ["title"] = resolver.Resolve(usage.Key)?["title"]?.DeepClone(),
                ["numberOfSchemas"] = usage.Count(),
                ["schemas"] = new JsonArray(usage.Select(s => (JsonNode)new JsonObject
                {
                    ["$id"] = s["$id"]?.DeepClone(),
                    ["title"] = s["title"]?.DeepClone(),
                    ["description"] = s["description"]?.DeepClone(),
                }).ToArray()),
            });
        }

        return new JsonObject
        {
            ["imsOrg"] = who.ImsOrg,
            ["tenantId"] = who.TenantId,
            ["counts"] = new JsonObject
            {
                ["schemas"] = Count(XdmResourceType.Schema),
                ["mixins"] = Count(XdmResourceType.FieldGroup),
                ["datatypes"] = Count(XdmResourceType.DataType),
                ["classes"] = Count(XdmResourceType.Class),
                ["unions"] = XdmUnion.EnabledClasses(schemas).Count,
            },
            ["recentlyCreatedResources"] = new JsonArray(all.OrderByDescending(r => r.CreatedDate).Take(5).Select(r => (JsonNode)Summary(r, "meta:created", r.CreatedDate)).ToArray()),
            ["recentlyUpdatedResources"] = new JsonArray(all.OrderByDescending(r => r.LastModifiedDate).Take(5).Select(r => (JsonNode)Summary(r, "meta:updated", r.LastModifiedDate)).ToArray()),
            ["classUsage"] = classUsage,
        };
    }

    private async Task<JsonObject?> FindAsync(XdmContainer container, XdmResourceType type, string idOrAltId, CancellationToken ct)
    {
        if (container == XdmContainer.Global)
        {
            var found = library.Find(idOrAltId);
            return found is not null && found.Type == type ? (JsonObject)found.Document.DeepClone() : null;
        }

        var resource = await store.FindAsync(idOrAltId, ct);
        return resource is not null && resource.Type == type ? Parse(resource) : null;
    }

    /// <summary>A raw document in an Accept variant; <paramref name="resolver"/> is read from the store when null.</summary>
    private async Task<JsonObject> RenderAsync(JsonObject raw, XdmAccept accept, IXdmResolver? resolver, CancellationToken ct)
    {
        if (accept.Variant is XdmAcceptVariant.Raw)
        {
            return raw;
        }

        if (accept.Variant is XdmAcceptVariant.RawNoText)
        {
            return WithoutText(raw);
        }

        var composed = new XdmComposer(resolver ?? await ResolverAsync(ct)).Compose(raw);
        var schemaId = XdmLineage.StringOf(raw["meta:resourceType"]) == "schemas" ? XdmLineage.StringOf(raw["$id"]) : null;
        switch (accept.Variant)
        {
            case XdmAcceptVariant.FullNoText:
                return WithoutText(composed);
            case XdmAcceptVariant.FullWithDescriptors when schemaId is not null:
                // [unverified] The docs say only "descriptors included"; they are listed whole under meta:descriptors.
                composed["meta:descriptors"] = new JsonArray((await descriptors.DescriptorsOfAsync(schemaId, ct)).Select(d => (JsonNode)d).ToArray());
                return composed;
            case XdmAcceptVariant.DeprecatedFields when schemaId is not null:
                MarkDeprecated(composed, await descriptors.DescriptorsOfAsync(schemaId, ct));
                return composed;
            default:
                return composed;
        }
    }

    /// <summary>help/xdm/api/schemas.md: with <c>xed-deprecatefield</c>, fields an <c>xdm:descriptorDeprecated</c> names
    /// carry <c>"meta:status": "deprecated"</c>.</summary>
    private static void MarkDeprecated(JsonObject composed, IReadOnlyList<JsonObject> descriptors)
    {
        foreach (var d in descriptors.Where(d => XdmLineage.StringOf(d["@type"]) == Descriptors.XdmDescriptorTypes.Deprecated))
        {
            var paths = d["xdm:sourceProperty"] is JsonArray many ? XdmLineage.Strings(many) : [XdmLineage.StringOf(d["xdm:sourceProperty"])!];
            foreach (var path in paths.Where(p => p is not null))
            {
                if (Descriptors.XdmFieldPath.Resolve(composed, path) is { } field)
                {
                    field["meta:status"] = "deprecated";
                }
            }
        }
    }

    private async Task<XdmResolverSnapshot> ResolverAsync(CancellationToken ct) => Resolver(await store.ListAsync(null, ct));

    private XdmResolverSnapshot Resolver(IReadOnlyList<XdmResource> tenantResources) =>
        new(library, tenantResources.ToDictionary(r => r.Id, Parse, StringComparer.Ordinal));

    private static void Stamp(JsonObject document, string id, XdmResourceType type, TenantKey tenant, XdmAuthor author, DateTimeOffset now)
    {
        var schema = type == XdmResourceType.Schema;
        var ms = now.ToUnixTimeMilliseconds();
        document["$id"] = id;
        document["meta:altId"] = XdmId.AltIdOf(id);
        document["meta:resourceType"] = type.ResourceType();
        document["version"] = XdmVersion.Initial;
        document["type"] = "object";
        document["meta:xdmType"] = "object";
        document["meta:abstract"] = !schema;
        document["meta:extensible"] = !schema;
        document["imsOrg"] = tenant.ImsOrg;
        document["meta:containerId"] = "tenant";
        document["meta:sandboxId"] = tenant.Sandbox;
        document["meta:tenantNamespace"] = "_" + author.TenantId;
        document["meta:registryMetadata"] = new JsonObject
        {
            ["repo:createdDate"] = ms,
            ["repo:lastModifiedDate"] = ms,
            ["xdm:createdClientId"] = author.ClientId,
            ["xdm:lastModifiedClientId"] = author.ClientId,
            ["xdm:createdUserId"] = author.UserId,
            ["xdm:lastModifiedUserId"] = author.UserId,
            ["eTag"] = ETag(id, XdmVersion.Initial, ms),
            ["meta:globalLibVersion"] = "1.0",
        };
    }

    private static string ETag(string id, string version, long ms) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}|{version}|{ms}"))))[..40];

    /// <summary>Registry-managed fields stay out of the audit trail: it records what the author changed.</summary>
    private static readonly HashSet<string> UnauditedFields = ["meta:registryMetadata", "version"];

    private static XdmAuditEntry Audit(TenantKey tenant, XdmAuthor author, string id, XdmResourceType type, JsonObject before, JsonObject after, DateTimeOffset now)
    {
        var trails = new JsonArray(XdmJsonDiff.Between(before, after, UnauditedFields).Select(c => (JsonNode)new JsonObject
        {
            ["id"] = id,
            ["xdmType"] = type.ResourceType(),
            ["action"] = c.Action,
            ["path"] = c.Path,
            ["value"] = c.Value,
        }).ToArray());
        return XdmAuditEntry.Create(tenant, id, trails.ToJsonString(Compact), author, now);
    }

    private static JsonObject Summary(XdmResource r, string dateKey, DateTimeOffset date) => new()
    {
        ["$id"] = r.Id,
        ["title"] = r.Title,
        ["meta:resourceType"] = r.Type.ResourceType(),
        [dateKey] = date.UtcDateTime.ToString("ddd MMM dd yyyy HH:mm:ss 'GMT+0000 (UTC)'", CultureInfo.InvariantCulture),
        ["version"] = r.Version,
    };

    private static JsonObject WithoutText(JsonObject document)
    {
        var copy = (JsonObject)document.DeepClone();
        var title = copy["title"]?.DeepClone();
        Strip(copy);
        copy["title"] = title; // the resource keeps its own title so lists and clients can still name it
        return copy;

        static void Strip(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    o.Remove("title");
                    o.Remove("description");
                    foreach (var (_, child) in o.ToList())
                    {
                        Strip(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Strip(child);
                    }

                    break;
            }
        }
    }

    private static JsonObject Parse(XdmResource r) => JsonNode.Parse(r.Document) as JsonObject ?? throw new InvalidOperationException($"Stored resource {r.Id} is not a JSON object.");

    private static AepException NotFound(string id, int version) =>
        new(ErrorCatalog.SchemaRegistry.NotFound, $"Requested resource {id} with version {version} is not found");

    private static AepException TitleTaken(string existingId) =>
        new(ErrorCatalog.SchemaRegistry.TitleNotUnique, $"Object titles must be unique. An object {existingId} already exists with the same title.");
}
