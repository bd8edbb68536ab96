using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Api.Features.SchemaRegistry;

/// <summary><c>GET /rpc/sampledata/{SCHEMA_ID}</c>: one example record shaped like a schema of this sandbox
/// (help/xdm/api/sample-data.md). An RPC: no container, no Accept header needed.</summary>
/// <remarks>The id is the schema's <c>meta:altId</c> or URL-encoded <c>$id</c>. Only tenant schemas are sampled (the
/// doc speaks of "any previously created schema"; the standard library holds classes and field groups, not
/// schemas) [unverified for other resource types]; an unknown id is the registry's 404 (XDM-1012-404).</remarks>
[ApiController]
[Route(SchemaRegistryRoutes.Base)]
[AepService(AepErrorFormat.Xdm)]
[Tags("Schema Registry")]
public sealed class SampleDataController(SchemaRegistryService registry) : ControllerBase
{
    private static readonly XdmAccept Composed = XdmAccept.ForLookup("application/vnd.adobe.xed-full+json; version=1");

    [HttpGet("rpc/sampledata/{id}")]
    public async Task<JsonObject> Get(string id, CancellationToken ct)
    {
        var schema = await registry.GetAsync(XdmContainer.Tenant, XdmResourceType.Schema, Uri.UnescapeDataString(id), Composed, ct);
        return SampleDataGenerator.Generate(schema);
    }
}
