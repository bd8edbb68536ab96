using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Features.Identity;

/// <summary>Identity Service namespaces (identity-service.yaml <c>/idnamespace/identities</c>,
/// help/identity-service/api/list-namespaces.md, create-custom-namespace.md): list (a bare array), lookup by id,
/// create (200 with the namespace) and update of name and description. There is no DELETE: namespaces cannot be deleted.</summary>
[ApiController]
[Route("data/core/idnamespace/identities")]
[AepService(AepErrorFormat.IdentityNamespace)]
[Tags("Identity Service")]
public sealed class IdentityNamespacesController(IdentityNamespaceService namespaces, TenancyContext tenancy) : ControllerBase
{
    [HttpGet]
    public Task<JsonArray> List(CancellationToken ct) => namespaces.ListAsync(ct);

    [HttpGet("{id}")]
    public Task<JsonObject> Get(string id, CancellationToken ct) => namespaces.GetAsync(tenancy.Tenant, id, ct);

    [HttpPost]
    [AepConsumes("application/json")]
    public Task<JsonObject> Create([FromBody] JsonNode? body, CancellationToken ct) => namespaces.CreateAsync(tenancy.Tenant, body, ct);

    [HttpPut("{id}")]
    [AepConsumes("application/json")]
    public Task<JsonArray> Update(string id, [FromBody] JsonNode? body, CancellationToken ct) => namespaces.UpdateAsync(tenancy.Tenant, id, body, ct);
}
