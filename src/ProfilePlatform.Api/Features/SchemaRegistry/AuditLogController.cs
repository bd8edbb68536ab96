using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Api.Features.SchemaRegistry;

/// <summary><c>GET /rpc/auditlog/{id}</c> (help/xdm/api/audit-log.md): the changes of a tenant resource, newest first.
/// Like every RPC call it needs no Accept header and no container.</summary>
[ApiController]
[Route(SchemaRegistryRoutes.Base + "/rpc/auditlog")]
[AepService(AepErrorFormat.Xdm)]
[Tags("Schema Registry")]
public sealed class AuditLogController(SchemaRegistryService registry) : ControllerBase
{
    [HttpGet("{id}")]
    public async Task<JsonArray> Get(string id, CancellationToken ct) => await registry.AuditLogAsync(Uri.UnescapeDataString(id), ct);
}
