using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Identity;

/// <summary>A namespace as Identity Service sends it, with the properties in the order of
/// help/identity-service/api/list-namespaces.md.</summary>
/// <remarks><c>namespaceType</c> is <c>"Custom"</c> on a listed custom namespace in Adobe Campaign's privacy guide
/// ("Define a namespace"); <c>"Standard"</c> for the others is [unverified].</remarks>
public static class IdentityNamespaceJson
{
    public static JsonObject ToJson(IdentityNamespace ns) => new()
    {
        ["updateTime"] = ns.UpdateTime,
        ["code"] = ns.Code,
        ["status"] = "ACTIVE",
        ["description"] = ns.Description,
        ["id"] = ns.Id,
        ["createTime"] = ns.CreateTime,
        ["idType"] = ns.Custom ? IdentityTypes.SpecSpelling(ns.IdType) : ns.IdType,
        ["namespaceType"] = ns.Custom ? "Custom" : "Standard",
        ["name"] = ns.Name,
        ["custom"] = ns.Custom,
    };
}
