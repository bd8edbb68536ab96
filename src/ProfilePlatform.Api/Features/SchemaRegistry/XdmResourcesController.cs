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
        return XdmListPage.Build(all, query, accept, $"/{SchemaRegistryRoutes.Base}/{container}/{resources}");
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

    /// <summary>Replaces a tenant resource; the docs' API format also spells the path <c>/tenant/schema/{id}</c>.</summary>
    [HttpPut($"tenant/{SchemaRegistryRoutes.Resources}/{{id}}")]
    [AepConsumes("application/json")]
    public async Task<JsonObject> Replace(string resources, string id, [FromBody] JsonNode? body, CancellationToken ct)
    {
        if (body is not JsonObject resource)
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, "The request body must be a JSON object describing the resource.");
        }

        return await registry.ReplaceAsync(tenancy.Tenant, caller.AsAuthor(), Type(resources, "tenant"), Uri.UnescapeDataString(id), resource, ct);
    }

    /// <summary>Applies a JSON Patch (RFC 6902) to a tenant resource and bumps its minor version.</summary>
    [HttpPatch($"tenant/{SchemaRegistryRoutes.Resources}/{{id}}")]
    [AepConsumes("application/json", "application/json-patch+json")]
    public async Task<JsonObject> Patch(string resources, string id, [FromBody] JsonNode? body, CancellationToken ct) =>
        await registry.PatchAsync(tenancy.Tenant, caller.AsAuthor(), Type(resources, "tenant"), Uri.UnescapeDataString(id), JsonPatchBody.Parse(body), ct);

    /// <summary>The singular <c>/tenant/schema/{id}</c> spelling of help/xdm/api/schemas.md's API format.</summary>
    [HttpPut("tenant/schema/{id}")]
    [AepConsumes("application/json")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public Task<JsonObject> ReplaceSchema(string id, [FromBody] JsonNode? body, CancellationToken ct) => Replace("schemas", id, body, ct);

    /// <summary>The singular <c>/tenant/schema/{id}</c> spelling of help/xdm/api/schemas.md's API format.</summary>
    [HttpPatch("tenant/schema/{id}")]
    [AepConsumes("application/json", "application/json-patch+json")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public Task<JsonObject> PatchSchema(string id, [FromBody] JsonNode? body, CancellationToken ct) => Patch("schemas", id, body, ct);

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
}
