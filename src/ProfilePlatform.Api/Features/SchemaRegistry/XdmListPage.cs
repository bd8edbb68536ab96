using System.Text.Json.Nodes;
using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Api.Features.SchemaRegistry;

/// <summary>The registry's list envelope: <c>results</c>, <c>_page</c> and <c>_links</c> (help/xdm/api/appendix.md §query).</summary>
internal static class XdmListPage
{
    public static JsonObject Build(IEnumerable<JsonObject> all, XdmListQuery query, XdmAccept accept, string path)
    {
        var (page, next) = query.Apply(all);
        var order = (query.Descending ? "-" : "") + query.OrderBy;
        return new JsonObject
        {
            ["results"] = new JsonArray(page.Select(d => (JsonNode)(accept.Variant == XdmAcceptVariant.Id ? IdOnly(d) : d)).ToArray()),
            ["_page"] = new JsonObject { ["orderby"] = order, ["next"] = next, ["count"] = page.Count },
            ["_links"] = new JsonObject
            {
                ["next"] = next is null ? null : new JsonObject { ["href"] = $"{path}?orderby={order}&start={Uri.EscapeDataString(next)}" },
            },
        };
    }

    private static JsonObject IdOnly(JsonObject d) => new()
    {
        ["$id"] = d["$id"]?.DeepClone(),
        ["meta:altId"] = d["meta:altId"]?.DeepClone(),
        ["version"] = d["version"]?.DeepClone(),
        ["title"] = d["title"]?.DeepClone(),
    };
}
