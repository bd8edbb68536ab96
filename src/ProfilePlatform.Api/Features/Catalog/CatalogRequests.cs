using System.Text.Json.Nodes;
using ProfilePlatform.Api.Common.Gateway;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Catalog.Query;

namespace ProfilePlatform.Api.Features.Catalog;

/// <summary>What every Catalog endpoint reads from a request the same way: its base path, the query parameters,
/// the body object, the caller, and the <c>["@/{type}/{id}"]</c> answer.</summary>
internal static class CatalogRequests
{
    /// <summary>catalog.yaml's base path.</summary>
    public const string Base = "data/foundation/catalog";

    /// <summary>Every query parameter as key/value pairs, repeated keys kept.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Parameters(HttpRequest request) =>
        request.Query.SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? "")));

    /// <summary>A list query read with the object type's rules.</summary>
    public static CatalogQuery ListQuery(HttpRequest request, CatalogQueryRules rules) => CatalogQuery.Parse(Parameters(request), rules);

    /// <summary>The <c>properties</c> projection of a lookup; other parameters do not apply to one object.</summary>
    public static CatalogQuery Projection(HttpRequest request, CatalogQueryRules rules) =>
        CatalogQuery.Parse(Parameters(request).Where(p => p.Key == "properties"), rules);

    /// <summary>The request body as a JSON object, or a 400 naming what was sent instead.</summary>
    public static JsonObject Object(JsonNode? body) =>
        body as JsonObject ?? throw CatalogJson.Invalid($"The request body is {CatalogJson.Kind(body)}: send a JSON object.");

    public static CatalogAuthor Author(this AepCaller caller) => new(caller.ClientId, caller.UserId);

    /// <summary>Catalog's write answer: the references of the objects written, e.g. <c>["@/dataSets/{id}"]</c>.</summary>
    public static string[] References(string type, params string[] ids) => [.. ids.Select(id => $"@/{type}/{id}")];
}
