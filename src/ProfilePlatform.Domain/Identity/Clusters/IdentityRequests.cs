using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Identity.Clusters;

/// <summary>Reads the identities a cluster, mapping or graph request names: one from a GET's query
/// (<c>xid</c>, or <c>nsid</c>/<c>nsId</c> or <c>namespace</c>/<c>ns</c> with <c>id</c>), or a list from a POST body.</summary>
public static class IdentityRequests
{
    /// <summary>Most identities one POST may name (help/identity-service/api/list-cluster-identites.md and its history
    /// and mapping siblings: "Requests exceeding 1000 identities will result in 400 status code"; identity-service.yaml's
    /// <c>maxItems: 1000</c> for the v2 graph).</summary>
    public const int MaxIdentities = 1000;

    /// <summary>The identity of a GET: <c>xid</c> first, then <c>nsid</c>, then the namespace code (identity-service.yaml:
    /// the namespace code is answered only "if the request did not contain xid or nsid").</summary>
    public static IdentityReference FromQuery(string? xid, string? nsid, string? namespaceCode, string? id)
    {
        if (!string.IsNullOrEmpty(xid))
        {
            return new(IdentityAddressing.Xid, xid, null, null, "namespace", null);
        }

        if (!string.IsNullOrEmpty(nsid) || !string.IsNullOrEmpty(namespaceCode))
        {
            var byId = !string.IsNullOrEmpty(nsid);
            return new(byId ? IdentityAddressing.NamespaceId : IdentityAddressing.NamespaceCode, null, byId ? nsid : namespaceCode, id, "namespace", null);
        }

        throw new AepException(ErrorCatalog.Identity.InvalidInput,
            "Either 'xid' or a namespace ('nsid' or 'namespace') with 'id' is required to name the identity.");
    }

    /// <summary>The identities of a POST body, from the first of <paramref name="keys"/> present (the spec's primary,
    /// secondary and tertiary parameters); <paramref name="keys"/> pairs each property with its form.</summary>
    public static IReadOnlyList<IdentityReference> FromBody(JsonElement body, params (string Property, IdentityAddressing Form)[] keys)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("The request body must be a JSON object naming the identities.");
        }

        foreach (var (property, form) in keys)
        {
            if (!body.TryGetProperty(property, out var list) || list.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                throw Invalid($"'{property}' must be an array.");
            }

            var count = list.GetArrayLength();
            if (count == 0)
            {
                throw Invalid($"'{property}' must name at least one identity.");
            }

            if (count > MaxIdentities)
            {
                throw Invalid($"'{property}' names {count.ToString(CultureInfo.InvariantCulture)} identities; a request may name at most {MaxIdentities.ToString(CultureInfo.InvariantCulture)}.");
            }

            return [.. list.EnumerateArray().Select(item => form == IdentityAddressing.Xid ? XidItem(item) : CompositeItem(item, form))];
        }

        throw Invalid($"The request body must contain {string.Join(" or ", keys.Select(k => $"'{k.Property}'"))}.");
    }

    /// <summary>An optional string property of the body (<c>graph-type</c>, <c>targetNs</c>); numbers are read as text.</summary>
    public static string? StringProperty(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Null => null,
                _ => throw Invalid($"'{name}' must be a string."),
            }
            : null;

    private static IdentityReference XidItem(JsonElement item) =>
        new(IdentityAddressing.Xid, item.ValueKind == JsonValueKind.String ? item.GetString() : null, null, null, "namespace", JsonNode.Parse(item.GetRawText()));

    private static IdentityReference CompositeItem(JsonElement item, IdentityAddressing form)
    {
        var original = JsonNode.Parse(item.GetRawText());
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new(form, null, null, null, "namespace", original);
        }

        var id = Text(item, "id");
        // compositeXids carries nsid, but the history doc sends "ns" in it; accept whichever the item has.
        if (Text(item, "nsid") is { } nsid)
        {
            return new(IdentityAddressing.NamespaceId, null, nsid, id, "ns", original);
        }

        foreach (var key in new[] { "ns", "namespace" })
        {
            if (Text(item, key) is { } code)
            {
                return new(IdentityAddressing.NamespaceCode, null, code, id, key, original);
            }
        }

        return new(form, null, null, id, form == IdentityAddressing.NamespaceCode ? "namespace" : "ns", original);
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static AepException Invalid(string detail) => new(ErrorCatalog.Identity.InvalidInput, detail);
}
