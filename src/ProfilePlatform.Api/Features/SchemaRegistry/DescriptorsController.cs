using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Gateway;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Features.SchemaRegistry;

/// <summary>Schema descriptors (help/xdm/api/descriptors.md, schema-registry.yaml "Descriptors"): list grouped by
/// <c>@type</c> or paged, lookup without Accept, create (201), replace (201 with the <c>@id</c>, as the doc shows;
/// the spec says 200) and delete (204).</summary>
/// <remarks>Descriptors exist only in the <c>tenant</c> container; <c>/global/descriptors</c> lists none.</remarks>
[ApiController]
[Route(SchemaRegistryRoutes.Base)]
[AepService(AepErrorFormat.Xdm)]
[Tags("Schema Registry")]
public sealed class DescriptorsController(DescriptorService descriptors, AepCaller caller, TenancyContext tenancy) : ControllerBase
{
    [HttpGet($"{SchemaRegistryRoutes.Containers}/descriptors")]
    public async Task<JsonObject> List(
        string container, [FromQuery] string? orderby, [FromQuery] string? start, [FromQuery] string? limit, [FromQuery] string[]? property, CancellationToken ct)
    {
        var accept = XdmDescriptorAccept.ForList(Request.Headers.Accept.ToString());
        var query = XdmDescriptorQuery.Parse(orderby, start, limit, property ?? []);
        var all = container == "tenant" ? await descriptors.ListAsync(ct) : [];
        if (!accept.Paged)
        {
            return Grouped(query.Filter(all), accept.Form);
        }

        var (page, next) = query.Page(all);
        var orderBy = (query.Descending ? "-" : "") + query.OrderBy;
        return new JsonObject
        {
            ["results"] = new JsonArray(page.Select(d => Shown(d, accept.Form)).ToArray()),
            ["_page"] = new JsonObject { ["orderby"] = orderBy, ["next"] = next, ["count"] = page.Count },
            ["_links"] = new JsonObject
            {
                ["next"] = next is null ? null : new JsonObject
                {
                    ["href"] = $"/{SchemaRegistryRoutes.Base}/{container}/descriptors?orderby={Uri.EscapeDataString(orderBy)}&limit={query.Limit}&start={Uri.EscapeDataString(next)}"
                        + string.Concat(query.Filters.Select(f => "&property=" + Uri.EscapeDataString(f))),
                },
            },
        };
    }

    [HttpGet($"{SchemaRegistryRoutes.Containers}/descriptors/{{id}}")]
    public async Task<JsonObject> Get(string container, string id, CancellationToken ct)
    {
        XdmDescriptorAccept.CheckLookup(Request.Headers.Accept.ToString());
        return container == "tenant"
            ? await descriptors.GetAsync(id, ct)
            : throw new AepException(ErrorCatalog.SchemaRegistry.DescriptorNotFound, $"The requested descriptor resource {id} is not found: descriptors live in the tenant container (/tenant/descriptors/{id}).");
    }

    [HttpPost("tenant/descriptors")]
    [AepConsumes("application/json")]
    public async Task<IActionResult> Create([FromBody] JsonNode? body, CancellationToken ct)
    {
        var created = await descriptors.CreateAsync(tenancy.Tenant, caller.AsAuthor(), RequireObject(body), ct);
        return StatusCode(StatusCodes.Status201Created, created);
    }

    [HttpPut("tenant/descriptors/{id}")]
    [AepConsumes("application/json")]
    public async Task<IActionResult> Replace(string id, [FromBody] JsonNode? body, CancellationToken ct)
    {
        var replaced = await descriptors.ReplaceAsync(caller.AsAuthor(), id, RequireObject(body), ct);
        return StatusCode(StatusCodes.Status201Created, new JsonObject { ["@id"] = replaced });
    }

    [HttpDelete("tenant/descriptors/{id}")]
    public async Task<IActionResult> Delete(string id, CancellationToken ct)
    {
        await descriptors.DeleteAsync(id, ct);
        return NoContent();
    }

    private static JsonObject RequireObject(JsonNode? body) =>
        body as JsonObject ?? throw new AepException(
            ErrorCatalog.SchemaRegistry.DescriptorInvalid,
            "The request body must be a JSON object describing one descriptor, with '@type', 'xdm:sourceSchema' and 'xdm:sourceProperty'.");

    /// <summary>The non-paged form: an array per <c>@type</c>, a key only for types that have descriptors.</summary>
    private static JsonObject Grouped(IEnumerable<JsonObject> all, XdmDescriptorForm form)
    {
        var result = new JsonObject();
        foreach (var group in all.GroupBy(d => d["@type"]?.ToString() ?? "").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            result[group.Key] = new JsonArray(group.Select(d => Shown(d, form)).ToArray());
        }

        return result;
    }

    private static JsonNode Shown(JsonObject descriptor, XdmDescriptorForm form) => form switch
    {
        XdmDescriptorForm.Ids => JsonValue.Create(descriptor["@id"]!.ToString()),
        XdmDescriptorForm.Links => JsonValue.Create("/tenant/descriptors/" + descriptor["@id"]),
        _ => descriptor,
    };
}
