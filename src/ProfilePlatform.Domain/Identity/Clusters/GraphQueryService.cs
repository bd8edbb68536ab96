using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Identity.Clusters;

/// <summary><c>POST /identity/v2/graph</c> (identity-service.yaml <c>getGraphs</c>): the graphs of up to 1000
/// identities as a <c>set</c> of members or as a <c>graph</c> of vertices (<c>last_updated_ts</c>) and edges
/// (<c>first_established_ts</c>, <c>last_established_ts</c> and, with <c>require_edge_meta_data</c>, the
/// <c>dataset_ids</c> and <c>batch_ids</c> that established them), answered in the form the identities were
/// requested in.</summary>
/// <remarks>An identity the graph does not hold gets an entry with no members [unverified: the spec shows only found
/// graphs]; unknown namespaces and malformed items are listed in <c>unprocessed_composite_xids</c> /
/// <c>unprocessed_xids</c>.</remarks>
public sealed class GraphQueryService(IdentityResolver resolver, IdentityGraphService graph, TenancyContext tenancy)
{
    public async Task<JsonObject> GraphsAsync(JsonElement body, CancellationToken ct)
    {
        var references = IdentityRequests.FromBody(body, ("xids", IdentityAddressing.Xid), ("composite_xids", IdentityAddressing.NamespaceCode));
        var projection = IdentityRequests.StringProperty(body, "projection_type");
        var asGraph = projection switch
        {
            "graph" => true,
            "set" => false,
            _ => throw Invalid("Graph Request Invalid - projection types available are [graph|set]."),
        };
        var withMetadata = body.TryGetProperty("require_edge_meta_data", out var meta) && meta.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw Invalid("Graph Request Invalid - require_edge_meta_data must be true or false."),
        };
        var stitched = GraphType.IsStitched(IdentityRequests.StringProperty(body, "graph_type"), tenancy.ImsOrg ?? "");

        var resolved = await resolver.ResolveAsync(references, ct);
        var views = await graph.FindGraphsAsync([.. resolved.Where(r => r.Identity is not null).Select(r => r.Identity!).Distinct()], ct);
        var byXid = references.Count > 0 && references[0].Addressing == IdentityAddressing.Xid;
        var graphs = new JsonArray();
        var unprocessed = new JsonArray();
        foreach (var item in resolved)
        {
            if (!item.Processable)
            {
                unprocessed.Add(IdentityResolver.Echo(item.Reference));
                continue;
            }

            var view = item.Identity is null ? null : views.GetValueOrDefault(item.Identity);
            if (view is not null && !stitched)
            {
                view = new IdentityGraphView(view.GraphId, [.. view.Vertices.Where(v => v.Identity.Equals(item.Identity))], []);
            }

            var entry = new JsonObject { [byXid ? "xid" : "composite_xid"] = IdentityResolver.Echo(item.Reference) };
            if (asGraph)
            {
                entry["vertices"] = await VerticesAsync(view, item.Reference, ct);
                entry["edges"] = await EdgesAsync(view, item.Reference, withMetadata, ct);
            }
            else
            {
                var members = new JsonArray();
                foreach (var member in view?.Members ?? [])
                {
                    members.Add(await resolver.WriteAsync(member, item.Reference, ct));
                }

                entry["members"] = members;
            }

            graphs.Add(entry);
        }

        return new JsonObject
        {
            ["version"] = "2.0",
            ["graphs"] = graphs,
            [byXid ? "unprocessed_xids" : "unprocessed_composite_xids"] = unprocessed,
            ["algo_type"] = "STITCH_ALL",
        };
    }

    private async Task<JsonArray> VerticesAsync(IdentityGraphView? view, IdentityReference style, CancellationToken ct)
    {
        var vertices = new JsonArray();
        foreach (var vertex in view?.Vertices ?? [])
        {
            vertices.Add(new JsonObject
            {
                [style.Addressing == IdentityAddressing.Xid ? "xid" : "composite_xid"] = await resolver.WriteAsync(vertex.Identity, style, ct),
                ["last_updated_ts"] = vertex.LastUpdated.ToUnixTimeMilliseconds(),
            });
        }

        return vertices;
    }

    private async Task<JsonArray> EdgesAsync(IdentityGraphView? view, IdentityReference style, bool withMetadata, CancellationToken ct)
    {
        var edges = new JsonArray();
        foreach (var link in view?.Links ?? [])
        {
            var edge = new JsonObject
            {
                [style.Addressing == IdentityAddressing.Xid ? "xid_pair" : "composite_xid_pair"] = new JsonArray(
                    await resolver.WriteAsync(link.Key.First, style, ct),
                    await resolver.WriteAsync(link.Key.Second, style, ct)),
                ["first_established_ts"] = link.FirstEstablished.ToUnixTimeMilliseconds(),
                ["last_established_ts"] = link.LastEstablished.ToUnixTimeMilliseconds(),
            };
            if (withMetadata)
            {
                edge["dataset_ids"] = new JsonArray([.. link.DatasetIds.Select(d => (JsonNode?)JsonValue.Create(d))]);
                edge["batch_ids"] = new JsonArray([.. link.Sources.Select(s => s.BatchId).Distinct(StringComparer.Ordinal).Select(b => (JsonNode?)JsonValue.Create(b))]);
            }

            edges.Add(edge);
        }

        return edges;
    }

    private static AepException Invalid(string detail) => new(ErrorCatalog.Identity.GraphRequestInvalid, detail);
}
