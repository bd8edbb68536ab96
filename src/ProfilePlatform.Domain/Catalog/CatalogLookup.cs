using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog.Query;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>Shared steps of Catalog reads: the ids of a lookup path, the keyed response, the list pipeline.</summary>
public static class CatalogLookup
{
    /// <summary>Most ids one lookup may name (<c>GET /dataSets/{ID_1},{ID_2},...</c>, help/catalog/api/look-up-multiple-objects.md).</summary>
    public const int MaxIds = CatalogQueryRules.MaxLimit;

    /// <summary>The ids of a lookup path segment, comma-separated; ids no Catalog object can have are dropped.</summary>
    public static IReadOnlyList<string> Ids(string segment)
    {
        var ids = segment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length > MaxIds)
        {
            throw new AepException(ErrorCatalog.Catalog.InvalidQuery, $"The path names {ids.Length} ids; at most {MaxIds} can be looked up at once.");
        }

        return [.. ids.Where(CatalogIds.IsPlausible).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The lookup response: found objects keyed by id in the order asked, projected; a 404 when none was found.</summary>
    public static JsonObject Keyed<T>(IReadOnlyList<string> ids, IEnumerable<T> found, Func<T, string> idOf, Func<T, JsonObject> toJson, CatalogQuery projection, string kind, string segment)
    {
        var byId = found.ToDictionary(idOf, StringComparer.Ordinal);
        var response = new JsonObject();
        foreach (var id in ids)
        {
            if (byId.TryGetValue(id, out var item))
            {
                response[id] = projection.Project(toJson(item));
            }
        }

        return response.Count > 0
            ? response
            : throw new AepException(ErrorCatalog.Catalog.NotFound, $"No {kind} with id '{(segment.Length <= 128 ? segment : segment[..128] + "...")}' exists in this sandbox: list them with GET /{kind}.");
    }

    /// <summary>Runs a list query: the store answers what it can, the query finishes the rest.</summary>
    public static async Task<JsonObject> ListAsync<T>(CatalogQuery query, CatalogColumns columns, Func<CatalogStoreQuery, Task<IReadOnlyList<T>>> fetch, Func<T, string> idOf, Func<T, JsonObject> toJson)
    {
        var storeQuery = query.ForStore(columns);
        var rows = await fetch(storeQuery);
        var page = query.Apply(rows.Select(r => new KeyValuePair<string, JsonObject>(idOf(r), toJson(r))), storeQuery.IsPaged);
        return query.ToResponse(page);
    }

    /// <summary>Checks an <c>If-Match</c> header against the object's version (help/catalog/api/appendix.md: 412 on a mismatch).</summary>
    public static void CheckIfMatch(string? ifMatch, string version, string id)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return;
        }

        var tags = ifMatch.Split(',').Select(t => t.Trim().Replace("W/", "", StringComparison.Ordinal).Trim('"'));
        if (!tags.Contains(version, StringComparer.Ordinal))
        {
            throw new AepException(ErrorCatalog.Catalog.PreconditionFailed, $"If-Match names another version of {id}; it is now at version {version}: read it again and retry.");
        }
    }
}
