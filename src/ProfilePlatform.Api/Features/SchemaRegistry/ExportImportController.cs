using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Gateway;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Features.SchemaRegistry;

/// <summary><c>GET /rpc/export/{id}</c> and <c>POST /rpc/import</c> (help/xdm/api/export.md, import.md): moving a resource
/// and its dependencies between sandboxes and organizations.</summary>
/// <remarks>RPC calls need no Accept or Content-Type header (the docs send <c>xdm-link+json</c> and various bodies'
/// types), so the import body is read as JSON whatever its declared type.</remarks>
[ApiController]
[Route(SchemaRegistryRoutes.Base + "/rpc")]
[AepService(AepErrorFormat.Xdm)]
[Tags("Schema Registry")]
public sealed class ExportImportController(SchemaRegistryService registry, AepCaller caller, TenancyContext tenancy) : ControllerBase
{
    [HttpGet("export/{id}")]
    public async Task<JsonArray> Export(string id, CancellationToken ct) => await registry.ExportAsync(caller.AsAuthor(), Uri.UnescapeDataString(id), ct);

    /// <summary>Answers 200 with the imported resources, as schema-registry.yaml documents it.</summary>
    [HttpPost("import")]
    public async Task<JsonArray> Import(CancellationToken ct)
    {
        JsonNode? payload;
        try
        {
            payload = await JsonNode.ParseAsync(Request.Body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.ImportFailed, $"Failed to import resources. Error: the body is not JSON ({e.Message}).");
        }

        return await registry.ImportAsync(tenancy.Tenant, caller.AsAuthor(), payload, ct);
    }
}
