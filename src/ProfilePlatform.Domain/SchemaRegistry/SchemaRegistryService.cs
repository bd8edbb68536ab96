using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry.Library;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>The Schema Registry: the standard library (global) and the tenant's classes, field groups, data types and
/// schemas, with the rules AEP enforces when they are created.</summary>
public sealed class SchemaRegistryService(ISchemaRegistryStore store, IXdmLibrary library, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>The raw documents of one type in one container.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(XdmContainer container, XdmResourceType type, CancellationToken ct)
    {
        if (container == XdmContainer.Global)
        {
            return library.All.Where(r => r.Type == type).Select(r => (JsonObject)r.Document.DeepClone()).ToList();
        }

        return (await store.ListAsync(type, ct)).Select(Parse).ToList();
    }

    /// <summary>One resource in the form the Accept header asks for.</summary>
    public async Task<JsonObject> GetAsync(XdmContainer container, XdmResourceType type, string idOrAltId, XdmAccept accept, CancellationToken ct)
    {
        var raw = await FindAsync(container, type, idOrAltId, ct) ?? throw NotFound(idOrAltId, accept.Version ?? 1);
        return accept.Variant switch
        {
            XdmAcceptVariant.Raw => raw,
            XdmAcceptVariant.RawNoText => WithoutText(raw),
            XdmAcceptVariant.FullNoText => WithoutText(await ComposeAsync(raw, ct)),
            // No descriptor or deprecation exists yet to add: these forms equal the composed one.
            _ => await ComposeAsync(raw, ct),
        };
    }

    public async Task<JsonObject> CreateAsync(TenantKey tenant, XdmAuthor author, XdmResourceType type, JsonObject body, CancellationToken ct)
    {
        var title = XdmResourceRules.RequireTitle(body);
        var tenantNamespace = "_" + author.TenantId;
        var document = (JsonObject)body.DeepClone();
        foreach (var readOnly in new[] { "$id", "meta:altId", "meta:resourceType", "version", "meta:registryMetadata", "imsOrg", "meta:containerId", "meta:class", "meta:extends" })
        {
            document.Remove(readOnly);
        }

        var resolver = await ResolverAsync(ct);
        switch (type)
        {
            case XdmResourceType.Class:
                XdmResourceRules.CheckFields(document, tenantNamespace);
                document["meta:extends"] = new JsonArray(JsonValue.Create(RequireBehavior(document)));
                break;
            case XdmResourceType.FieldGroup:
                XdmResourceRules.CheckFields(document, tenantNamespace);
                RequireIntendedClasses(document, resolver);
                break;
            case XdmResourceType.DataType:
                XdmResourceRules.CheckFields(document, requiredTenantNamespace: null);
                break;
            case XdmResourceType.Schema:
                DeriveSchemaLineage(document, resolver);
                break;
            default:
                throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"{type} resources cannot be created.");
        }

        if (await store.FindByTitleAsync(title, ct) is { } clash)
        {
            throw TitleTaken(clash.Id);
        }

        var id = XdmId.NewTenantId(author.TenantId, type);
        var now = clock.GetUtcNow();
        Stamp(document, id, type, tenant, author, now);

        // Every reference must resolve and the parts must agree: composing proves both before anything is stored.
        _ = new XdmComposer(resolver).Compose(document);

        var resource = XdmResource.Create(tenant, id, type, title, "1.0", document.ToJsonString(Compact), now);
        try
        {
            await store.AddAsync(resource, ct);
        }
        catch (XdmTitleTakenException)
        {
            throw TitleTaken((await store.FindByTitleAsync(title, ct))?.Id ?? "another resource");
        }

        return document;
    }

    public async Task DeleteAsync(XdmResourceType type, string idOrAltId, CancellationToken ct)
    {
        var resource = await store.FindAsync(idOrAltId, ct);
        if (resource is null || resource.Type != type)
        {
            throw NotFound(idOrAltId, 1);
        }

        await store.DeleteAsync(resource, ct);
    }

    /// <summary><c>GET /stats</c>: the tenant id clients build <c>_{tenantId}</c> paths from, and what the sandbox holds.</summary>
    public async Task<JsonObject> StatsAsync(XdmAuthor who, CancellationToken ct)
    {
        var all = await store.ListAsync(null, ct);
        int Count(XdmResourceType t) => all.Count(r => r.Type == t);
        // schema-registry.yaml's form (an array per class with numberOfSchemas); the 2019 example in
        // help/xdm/api/getting-started.md keys an object by class id instead.
        var resolver = Resolver(all);
        var classUsage = new JsonArray();
        foreach (var usage in all.Where(r => r.Type == XdmResourceType.Schema).Select(Parse)
                     .GroupBy(s => s["meta:class"]?.GetValue<string>() ?? "", StringComparer.Ordinal)
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
                ["unions"] = 0,
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

    private async Task<JsonObject> ComposeAsync(JsonObject raw, CancellationToken ct) => new XdmComposer(await ResolverAsync(ct)).Compose(raw);

    private async Task<DictionaryResolver> ResolverAsync(CancellationToken ct) => Resolver(await store.ListAsync(null, ct));

    private DictionaryResolver Resolver(IReadOnlyList<XdmResource> tenantResources) =>
        new(library, tenantResources.ToDictionary(r => r.Id, Parse, StringComparer.Ordinal));

    private static string RequireBehavior(JsonObject document)
    {
        var behaviors = Refs(document).Where(r => r.StartsWith("https://ns.adobe.com/xdm/data/", StringComparison.Ordinal)).ToList();
        return behaviors.Count == 1
            ? behaviors[0]
            : throw new AepException(
                ErrorCatalog.SchemaRegistry.InvalidResource,
                $"A class must reference exactly one behavior in 'allOf' (https://ns.adobe.com/xdm/data/record, .../time-series or .../adhoc); found {behaviors.Count}.");
    }

    private static void RequireIntendedClasses(JsonObject document, DictionaryResolver resolver)
    {
        if (document["meta:intendedToExtend"] is not JsonArray classes || classes.Count == 0)
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, "Field 'meta:intendedToExtend' is required: list the $id of each class this field group may extend.");
        }

        foreach (var c in classes)
        {
            var id = c is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (id is null || resolver.Resolve(id) is not { } cls || cls["meta:resourceType"]?.GetValue<string>() != "classes")
            {
                throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Field 'meta:intendedToExtend' names '{c}', which is not a class of this sandbox or the standard library.");
            }
        }
    }

    /// <summary>A schema is one class plus field groups that fit it; the registry derives <c>meta:class</c> and <c>meta:extends</c>.</summary>
    private static void DeriveSchemaLineage(JsonObject document, DictionaryResolver resolver)
    {
        if (document["allOf"] is not JsonArray parts || parts.Count == 0)
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, "Field 'allOf' is required: reference one class and any field groups, e.g. [{\"$ref\":\"https://ns.adobe.com/xdm/context/profile\"}].");
        }

        if (document["properties"] is not null || document["definitions"] is not null)
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, "A schema defines no fields of its own: put them in a field group and reference it in 'allOf'.");
        }

        var resolved = new List<(string Id, JsonObject Doc)>();
        foreach (var id in Refs(document))
        {
            var doc = resolver.Resolve(id)
                ?? throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Field 'allOf' references '{id}', which is no class or field group of this sandbox or the standard library.");
            resolved.Add((id, doc));
        }

        var classes = resolved.Where(r => ResourceTypeOf(r.Doc) == "classes").ToList();
        if (classes.Count != 1)
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"A schema references exactly one class in 'allOf'; found {classes.Count}.");
        }

        var classId = classes[0].Id;
        var lineage = new List<string> { classId };
        lineage.AddRange(Strings(classes[0].Doc["meta:extends"]));
        foreach (var (id, doc) in resolved.Where(r => r.Id != classId))
        {
            if (ResourceTypeOf(doc) != "mixins")
            {
                throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Field 'allOf' references '{id}', a {ResourceTypeOf(doc)} resource: a schema takes one class and field groups only.");
            }

            var intended = Strings(doc["meta:intendedToExtend"]).ToList();
            if (intended.Count > 0 && !intended.Contains(classId))
            {
                throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Field group '{id}' is intended for {string.Join(", ", intended)}, not for the schema's class '{classId}'.");
            }

            lineage.Add(id);
            lineage.AddRange(Strings(doc["meta:extends"]));
        }

        document["meta:class"] = classId;
        document["meta:extends"] = new JsonArray(lineage.Distinct(StringComparer.Ordinal).Select(l => (JsonNode)JsonValue.Create(l)!).ToArray());
    }

    private static void Stamp(JsonObject document, string id, XdmResourceType type, TenantKey tenant, XdmAuthor author, DateTimeOffset now)
    {
        var schema = type == XdmResourceType.Schema;
        var ms = now.ToUnixTimeMilliseconds();
        document["$id"] = id;
        document["meta:altId"] = XdmId.AltIdOf(id);
        document["meta:resourceType"] = type.ResourceType();
        document["version"] = "1.0";
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
            ["eTag"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id + ms.ToString(CultureInfo.InvariantCulture))))[..40],
            ["meta:globalLibVersion"] = "1.0",
        };
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

    private static IEnumerable<string> Refs(JsonObject document) =>
        (document["allOf"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => p["$ref"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
            .Where(s => s is not null && !s.StartsWith('#'))!;

    private static IEnumerable<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).Where(s => s is not null)!;

    private static string? ResourceTypeOf(JsonObject doc) => doc["meta:resourceType"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static JsonObject Parse(XdmResource r) => JsonNode.Parse(r.Document) as JsonObject ?? throw new InvalidOperationException($"Stored resource {r.Id} is not a JSON object.");

    private static AepException NotFound(string id, int version) =>
        new(ErrorCatalog.SchemaRegistry.NotFound, $"Requested resource {id} with version {version} is not found");

    private static AepException TitleTaken(string existingId) =>
        new(ErrorCatalog.SchemaRegistry.TitleNotUnique, $"Object titles must be unique. An object {existingId} already exists with the same title.");

    /// <summary>Library resources and the tenant's, by <c>$id</c>.</summary>
    private sealed class DictionaryResolver(IXdmLibrary library, Dictionary<string, JsonObject> tenant) : IXdmResolver
    {
        public JsonObject? Resolve(string id) =>
            tenant.TryGetValue(id, out var mine) ? mine : library.Find(id) is { } std && std.Id == id ? std.Document : null;
    }
}
