using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Identity;

/// <summary>A namespace as Identity Service sends it, with the properties in the order of
/// help/identity-service/api/list-namespaces.md.</summary>
public static class IdentityNamespaceJson
{
    /// <summary>The namespace object; <paramref name="idType"/> replaces the stored type's spelling (the create
    /// response echoes what the client sent).</summary>
    public static JsonObject ToJson(IdentityNamespace ns, string? idType = null) => new()
    {
        ["updateTime"] = ns.UpdateTime,
        ["code"] = ns.Code,
        ["status"] = "ACTIVE",
        ["description"] = ns.Description,
        ["id"] = ns.Id,
        ["createTime"] = ns.CreateTime,
        ["idType"] = idType ?? ns.IdType,
        ["name"] = ns.Name,
        ["custom"] = ns.Custom,
    };
}
