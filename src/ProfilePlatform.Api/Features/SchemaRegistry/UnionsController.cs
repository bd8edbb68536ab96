using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Api.Features.SchemaRegistry;

/// <summary>Unions (help/xdm/api/unions.md): read-only views of the Profile-enabled schemas of each class. They are
/// computed from the schemas on every call, so enabling a schema is visible at once.</summary>
[ApiController]
[Route(SchemaRegistryRoutes.Base + "/tenant/unions")]
[AepService(AepErrorFormat.Xdm)]
[Tags("Schema Registry")]
public sealed class UnionsController(SchemaRegistryService registry) : ControllerBase
{
    [HttpGet]
    public async Task<JsonObject> List([FromQuery] string? orderby, [FromQuery] string? start, [FromQuery] string? limit, [FromQuery] string[]? property, CancellationToken ct)
    {
        var accept = XdmAccept.ForList(Request.Headers.Accept.ToString());
        var query = XdmListQuery.Parse(orderby, start, limit, property ?? []);
        return XdmListPage.Build(await registry.ListUnionsAsync(ct), query, accept, $"/{SchemaRegistryRoutes.Base}/tenant/unions");
    }

    [HttpGet("{id}")]
    public async Task<JsonObject> Get(string id, CancellationToken ct) =>
        await registry.GetUnionAsync(Uri.UnescapeDataString(id), XdmAccept.ForLookup(Request.Headers.Accept.ToString()), ct);
}
