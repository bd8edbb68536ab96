using System.Text.Json.Nodes;
using ProfilePlatform.Domain.FlowService;
using ProfilePlatform.Domain.Streaming;

namespace ProfilePlatform.Api.Features.FlowService;

/// <summary>An HTTP API base connection as Flow Service shows it (flow-service.yaml <c>ConnectionItemDTO</c>;
/// help/sources/tutorials/api/create/streaming/http.md): the inlet's id and URL under <c>auth.params</c>.</summary>
internal static class ConnectionJson
{
    public static JsonObject ToConnectionJson(this StreamingInlet inlet, string collectionBase) => new()
    {
        ["id"] = inlet.ConnectionId,
        ["createdAt"] = inlet.Created,
        ["updatedAt"] = inlet.Updated,
        ["createdBy"] = inlet.CreatedBy,
        ["updatedBy"] = inlet.UpdatedBy,
        ["createdClient"] = inlet.CreatedClient,
        ["updatedClient"] = inlet.CreatedClient,
        ["sandboxName"] = inlet.Sandbox,
        ["imsOrgId"] = inlet.ImsOrg,
        ["name"] = inlet.Name,
        ["description"] = inlet.Description,
        ["providerId"] = inlet.ProviderId,
        ["connectionSpec"] = new JsonObject { ["id"] = ConnectionSpecs.HttpApi, ["version"] = "1.0" },
        ["state"] = "enabled",
        ["auth"] = new JsonObject
        {
            ["specName"] = ConnectionSpecs.HttpApiAuthSpec,
            ["params"] = new JsonObject
            {
                ["sourceId"] = inlet.SourceId,
                ["inletUrl"] = inlet.InletUrl(collectionBase),
                ["inletId"] = inlet.InletId,
                ["dataType"] = inlet.DataType,
                ["name"] = inlet.Name,
                ["authenticationRequired"] = inlet.AuthenticationRequired,
            },
        },
        ["version"] = inlet.Etag,
        ["etag"] = inlet.Etag,
    };
}
