using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Streaming;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.FlowService;

/// <summary>Flow Service base connections (<c>/data/foundation/flowservice/connections</c>). This slice knows the HTTP API
/// connection spec only: its connection is a streaming inlet, created with a 64-hex inlet id and shown with
/// <c>auth.params.inletId</c> and <c>inletUrl</c>. Other specs arrive with the Flow Service issue.</summary>
public sealed class FlowConnectionService(IStreamingInletStore inlets, TimeProvider clock)
{
    public async Task<StreamingInlet> CreateAsync(TenantKey tenant, JsonObject? body, string clientId, string userId, CancellationToken ct)
    {
        if (body is null || body.Count == 0)
        {
            throw new AepException(ErrorCatalog.FlowService.EmptyBody, "The request body cannot be null or empty: send the connection with name, connectionSpec {id, version} and auth {specName, params}.");
        }

        var invalid = ErrorCatalog.FlowService.InvalidRequest;
        if (body["connectionSpec"] is not JsonObject spec || spec["id"] is not JsonValue specId || specId.GetValueKind() != JsonValueKind.String)
        {
            throw new AepException(invalid, "Field 'connectionSpec.id' is required: the HTTP API streaming connection uses {\"id\":\"" + ConnectionSpecs.HttpApi + "\",\"version\":\"1.0\"}.");
        }

        var id = specId.GetValue<string>();
        if (!string.Equals(id, ConnectionSpecs.HttpApi, StringComparison.OrdinalIgnoreCase))
        {
            throw new AepException(invalid, $"Connection spec '{StreamingInletService.Short(id)}' is not available on this platform yet: the HTTP API streaming connection spec {ConnectionSpecs.HttpApi} is.");
        }

        var name = StreamingInletService.Text(body, "name", "", invalid);
        var description = StreamingInletService.Text(body, "description", "", invalid);
        var providerId = StreamingInletService.Text(body, "providerId", "", invalid) ?? ConnectionSpecs.HttpApiProvider;
        var parameters = body["auth"] switch
        {
            null => new JsonObject(),
            JsonObject auth => auth["params"] switch
            {
                null => new JsonObject(),
                JsonObject p => p,
                _ => throw new AepException(invalid, "Field 'auth.params' must be an object: {\"sourceId\", \"dataType\", \"name\", \"authenticationRequired\"}."),
            },
            _ => throw new AepException(invalid, "Field 'auth' must be an object: {\"specName\":\"Streaming Connection\",\"params\":{...}}."),
        };

        var draft = StreamingInletService.ReadDraft(parameters, "auth.params.", invalid, name, description, providerId);
        var inlet = StreamingInlet.Create(tenant, draft with { Name = name ?? draft.Name }, Guid.NewGuid().ToString(), clientId, userId, clock.GetUtcNow());
        await inlets.AddAsync(inlet, ct);
        return inlet;
    }

    /// <summary>The connection with this id in the sandbox, or a 404 in Flow Service's format.</summary>
    public async Task<StreamingInlet> FindAsync(string connectionId, CancellationToken ct) =>
        (Guid.TryParse(connectionId, out var id) ? await inlets.FindByConnectionAsync(id.ToString(), ct) : null)
        ?? throw new AepException(ErrorCatalog.FlowService.NotFound, $"The requested resource is not found: no connection with id '{StreamingInletService.Short(connectionId)}' exists in this sandbox.");
}
