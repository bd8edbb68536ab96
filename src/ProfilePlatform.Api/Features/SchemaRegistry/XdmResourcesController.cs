using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Gateway;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Features.SchemaRegistry;

/// <summary>Classes, field groups (<c>/fieldgroups</c> and the legacy <c>/mixins</c>), data types, schemas and behaviors
/// in the <c>global</c> and <c>tenant</c> containers (help/xdm/api/*.md, schema-registry.yaml).</summary>
/// <remarks>Lookups take the URL-encoded <c>$id</c> or the <c>meta:altId</c>. The <c>global</c> container is read-only:
/// writes to it find no route and get a 405.</remarks>
[ApiController]
[Route(SchemaRegistryRoutes.Base)]
[AepService(AepErrorFormat.Xdm)]
[Tags("Schema Registry")]
public sealed class XdmResourcesController(SchemaRegistryService registry, AepCaller caller, TenancyContext tenancy) : ControllerBase
{
    [HttpGet($"{SchemaRegistryRoutes.Containers}/{SchemaRegistryRoutes.Resources}")]
    public async Task<JsonObject> List(
        string container, string resources, [FromQuery] string? orderby, [FromQuery] string? start, [FromQuery] string? limit, [FromQuery] string[]? property, CancellationToken ct)
    {
        var accept = XdmAccept.ForList(Request.Headers.Accept.ToString());
        var query = XdmListQuery.Parse(orderby, start, limit, property ?? []);
        var all = await registry.ListAsync(Container(container), Type(resources, container), ct);
        var (page, next) = query.Apply(all);
        var results = new JsonArray(page.Select(d => (JsonNode)(accept.Variant == XdmAcceptVariant.Id ? IdOnly(d) : d)).ToArray());
        return new JsonObject
        {
            ["results"] = results,
            ["_page"] = new JsonObject { ["orderby"] = (query.Descending ? "-" : "") + query.OrderBy, ["next"] = next, ["count"] = page.Count },
            ["_links"] = new JsonObject
            {
                ["next"] = next is null ? null : new JsonObject { ["href"] = $"/{SchemaRegistryRoutes.Base}/{container}/{resources}?orderby={(query.Descending ? "-" : "")}{query.OrderBy}&start={Uri.EscapeDataString(next)}" },
            },
        };
    }

    [HttpGet($"{SchemaRegistryRoutes.Containers}/{SchemaRegistryRoutes.Resources}/{{id}}")]
    public async Task<JsonObject> Get(string container, string resources, string id, CancellationToken ct)
    {
        var accept = XdmAccept.ForLookup(Request.Headers.Accept.ToString());
        return await registry.GetAsync(Container(container), Type(resources, container), Uri.UnescapeDataString(id), accept, ct);
    }

    [HttpPost($"tenant/{SchemaRegistryRoutes.Resources}")]
    [AepConsumes("application/json")]
    public async Task<IActionResult> Create(string resources, [FromBody] JsonNode? body, CancellationToken ct)
    {
        if (body is not JsonObject resource)
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, "The request body must be a JSON object describing the resource.");
        }

        var created = await registry.CreateAsync(tenancy.Tenant, caller.AsAuthor(), Type(resources, "tenant"), resource, ct);
        return StatusCode(StatusCodes.Status201Created, created);
    }

    [HttpDelete($"tenant/{SchemaRegistryRoutes.Resources}/{{id}}")]
    public async Task<IActionResult> Delete(string resources, string id, CancellationToken ct)
    {
        await registry.DeleteAsync(Type(resources, "tenant"), Uri.UnescapeDataString(id), ct);
        return NoContent();
    }

    private static XdmContainer Container(string container) => container == "global" ? XdmContainer.Global : XdmContainer.Tenant;

    private static XdmResourceType Type(string resources, string container)
    {
        var type = XdmResourceTypes.FromUrlSegment(resources)!.Value;
        if (type == XdmResourceType.Behavior && container != "global")
        {
            throw new AepException(ErrorCatalog.Common.NotFound, "Behaviors exist only in the global container: use /global/behaviors.");
        }

        return type;
    }

    private static JsonObject IdOnly(JsonObject d) => new()
    {
        ["$id"] = d["$id"]?.DeepClone(),
        ["meta:altId"] = d["meta:altId"]?.DeepClone(),
        ["version"] = d["version"]?.DeepClone(),
        ["title"] = d["title"]?.DeepClone(),
    };
}
