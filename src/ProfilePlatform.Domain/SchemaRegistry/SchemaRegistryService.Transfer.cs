using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.SchemaRegistry;

public sealed partial class SchemaRegistryService
{
    /// <summary>Fields that describe where a resource lives; an export leaves them out and an import writes its own.</summary>
    private static readonly string[] PlacementFields = ["imsOrg", "meta:registryMetadata", "meta:containerId", "meta:tenantNamespace"];

    /// <summary><c>GET /rpc/export/{id}</c>: the resource and every tenant resource it depends on, dependencies first, with
    /// the tenant id replaced by the placeholder (help/xdm/api/export.md). Standard resources exist everywhere and
    /// are not included.</summary>
    public async Task<JsonArray> ExportAsync(XdmAuthor author, string idOrAltId, CancellationToken ct)
    {
        var resource = await store.FindAsync(idOrAltId, ct);
        if (resource is null || resource.Type == XdmResourceType.Behavior)
        {
            throw NotFound(idOrAltId, 1);
        }

        var resolver = await ResolverAsync(ct);
        var ordered = new List<string>();
        Visit(resource.Id, resolver, ordered, []);
        return new JsonArray(ordered.Select(id =>
        {
            var copy = (JsonObject)resolver.Tenant[id].DeepClone();
            foreach (var field in PlacementFields)
            {
                copy.Remove(field);
            }

            return XdmTenantPlaceholder.Rewrite(copy, author.TenantId, XdmTenantPlaceholder.Placeholder);
        }).ToArray());
    }

    /// <summary><c>POST /rpc/import</c>: creates every resource of an export payload in this sandbox, keeping their ids
    /// with this tenant's id, all or none. A taken <c>$id</c> or title refuses the whole import with XDM-3005.</summary>
    public async Task<JsonArray> ImportAsync(TenantKey tenant, XdmAuthor author, JsonNode? payload, CancellationToken ct)
    {
        if (payload is not JsonArray items || items.Count == 0)
        {
            throw ImportFailed("The body must be the non-empty array a GET /rpc/export/{id} call returns.");
        }

        if (XdmTenantPlaceholder.Rewrite(items, XdmTenantPlaceholder.Placeholder, author.TenantId) is not JsonArray rewritten)
        {
            throw ImportFailed("The body must be an array.");
        }

        var resolver = await ResolverAsync(ct);
        var prepared = new List<NewResource>();
        var titles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rewritten.Count; i++)
        {
            var item = rewritten[i] as JsonObject ?? throw ImportFailed($"Item [{i}] is not a JSON object.");
            var (id, type) = ImportIdentity(item, i, author.TenantId);
            if (resolver.Resolve(id) is not null)
            {
                throw ImportFailed($"An object with $id {id} already exists in this sandbox: ids must be unique.");
            }

            try
            {
                var created = PrepareNew(tenant, author, type, item, resolver, id, ImportVersion(item), requireIntent: false);
                if (!titles.Add(created.Resource.Title) || await store.FindByTitleAsync(created.Resource.Title, ct) is not null)
                {
                    var holder = (await store.FindByTitleAsync(created.Resource.Title, ct))?.Id ?? "of this payload";
                    throw ImportFailed($"Title must be unique. An object {holder} already exists with the same title");
                }

                prepared.Add(created);
                resolver = resolver.With(id, created.Document);
            }
            catch (AepException e) when (e.Error != ErrorCatalog.SchemaRegistry.ImportFailed)
            {
                throw ImportFailed($"Item [{i}] ({id}): {e.Message}");
            }
        }

        foreach (var created in prepared)
        {
            await CheckProfileRulesAsync(created.Resource.Id, null, created.Document, resolver, ct);
        }

        try
        {
            await store.AddAllAsync(prepared.Select(p => p.Resource).ToList(), prepared.Select(p => p.Audit).ToList(), ct);
        }
        catch (XdmTitleTakenException)
        {
            throw ImportFailed("Title must be unique: another request created a resource with one of these titles or ids meanwhile.");
        }

        return new JsonArray(prepared.Select(p => (JsonNode)p.Document).ToArray());
    }

    /// <summary>Depth-first over tenant references, so each resource follows everything it uses.</summary>
    private static void Visit(string id, XdmResolverSnapshot resolver, List<string> ordered, HashSet<string> seen)
    {
        if (!seen.Add(id) || !resolver.Tenant.TryGetValue(id, out var document))
        {
            return;
        }

        foreach (var reference in References(document).Distinct(StringComparer.Ordinal))
        {
            Visit(reference, resolver, ordered, seen);
        }

        ordered.Add(id);
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" && XdmLineage.StringOf(p.Value) is { } r && !r.StartsWith('#')
            ? [r]
            : p.Key is "meta:intendedToExtend" or "meta:extends" ? XdmLineage.Strings(p.Value) : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    private static (string Id, XdmResourceType Type) ImportIdentity(JsonObject item, int index, string tenantId)
    {
        var id = XdmLineage.StringOf(item["$id"]) ?? throw ImportFailed($"Item [{index}] has no '$id'.");
        var type = XdmLineage.StringOf(item["meta:resourceType"]) switch
        {
            "classes" => XdmResourceType.Class,
            "mixins" or "fieldgroups" => XdmResourceType.FieldGroup,
            "datatypes" => XdmResourceType.DataType,
            "schemas" => XdmResourceType.Schema,
            var other => throw ImportFailed($"Item [{index}] has 'meta:resourceType' {other ?? "missing"}: use classes, mixins, datatypes or schemas."),
        };
        var prefix = $"{XdmId.Namespace}{tenantId}/{type.ResourceType()}/";
        var hex = id.StartsWith(prefix, StringComparison.Ordinal) ? id[prefix.Length..] : "";
        if (hex.Length is < 16 or > 64 || !hex.All(char.IsAsciiHexDigitLower))
        {
            throw ImportFailed($"Item [{index}] has '$id' {id}: expected https://ns.adobe.com/<XDM_TENANTID_PLACEHOLDER>/{type.ResourceType()}/{{hex}} as an export payload carries.");
        }

        return (id, type);
    }

    private static string ImportVersion(JsonObject item) =>
        XdmLineage.StringOf(item["version"]) is { } v && System.Text.RegularExpressions.Regex.IsMatch(v, @"^[0-9]{1,4}\.[0-9]{1,4}$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))
            ? v
            : XdmVersion.Initial;

    private static AepException ImportFailed(string message) =>
        new(ErrorCatalog.SchemaRegistry.ImportFailed, "Failed to import resources. Error: " + message);
}
