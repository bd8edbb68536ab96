using System.Globalization;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Identity.Clusters;

/// <summary>Identity Service's cluster endpoints, answered from the identity graph: cluster members
/// (identity-service.yaml <c>/identity/cluster/members</c>, <c>/identity/clusters/members</c>), cluster history and
/// identity mappings (help/identity-service/api/list-cluster-history.md, list-identity-mappings.md).</summary>
/// <remarks>Every requested identity gets an entry, "regardless of whether a request's XIDs belong to the same cluster
/// or if one or more have any cluster associated at all". An identity the graph does not hold (Identity Service stores
/// only linked identities) has an empty cluster; unknown namespaces and malformed items of a POST go to the unprocessed
/// list. With <c>graph-type: None</c> there is no stitching: a stored identity's cluster is itself alone, it has no
/// cluster history and no mappings [unverified: the docs only say "Perform no identity stitching"].</remarks>
public sealed class ClusterQueryService(IdentityResolver resolver, IdentityGraphService graph, TenancyContext tenancy)
{
    /// <summary>The v1 cluster API version AEP answers (identity-service.yaml examples).</summary>
    private const string MembersVersion = "1.1.0";

    /// <summary>The version the history and mapping docs answer.</summary>
    private const int HistoryVersion = 1;

    public async Task<JsonObject> MembersAsync(IdentityReference reference, string? graphType, CancellationToken ct)
    {
        var stitched = GraphType.IsStitched(graphType, tenancy.ImsOrg ?? "");
        return await MembersAsync([await resolver.ResolveOneAsync(reference, ct)], stitched, ct);
    }

    public async Task<JsonObject> MembersAsync(IReadOnlyList<IdentityReference> references, string? graphType, CancellationToken ct)
    {
        var stitched = GraphType.IsStitched(graphType, tenancy.ImsOrg ?? "");
        return await MembersAsync(await resolver.ResolveAsync(references, ct), stitched, ct);
    }

    public async Task<JsonObject> HistoryAsync(IdentityReference reference, string? graphType, CancellationToken ct)
    {
        var stitched = GraphType.IsStitched(graphType, tenancy.ImsOrg ?? "");
        return await HistoryAsync([await resolver.ResolveOneAsync(reference, ct)], stitched, ct);
    }

    public async Task<JsonObject> HistoryAsync(IReadOnlyList<IdentityReference> references, string? graphType, CancellationToken ct)
    {
        var stitched = GraphType.IsStitched(graphType, tenancy.ImsOrg ?? "");
        return await HistoryAsync(await resolver.ResolveAsync(references, ct), stitched, ct);
    }

    /// <summary>The mapping of one identity; null when no related identity was found (the doc's HTTP 204).</summary>
    public async Task<JsonObject?> MappingsAsync(IdentityReference reference, string? targetNs, string? graphType, CancellationToken ct)
    {
        var stitched = GraphType.IsStitched(graphType, tenancy.ImsOrg ?? "");
        var target = await TargetAsync(targetNs, ct);
        return await MappingsAsync([await resolver.ResolveOneAsync(reference, ct)], target, stitched, ct);
    }

    /// <summary>The mappings of several identities; null when none of them has a related identity (HTTP 204).</summary>
    public async Task<JsonObject?> MappingsAsync(IReadOnlyList<IdentityReference> references, string? targetNs, string? graphType, CancellationToken ct)
    {
        var stitched = GraphType.IsStitched(graphType, tenancy.ImsOrg ?? "");
        var target = await TargetAsync(targetNs, ct);
        return await MappingsAsync(await resolver.ResolveAsync(references, ct), target, stitched, ct);
    }

    private async Task<JsonObject> MembersAsync(IReadOnlyList<ResolvedIdentity> resolved, bool stitched, CancellationToken ct)
    {
        var graphs = await GraphsAsync(resolved, ct);
        var clusters = new JsonArray();
        var unprocessed = new JsonArray();
        foreach (var item in resolved)
        {
            if (!item.Processable)
            {
                unprocessed.Add(IdentityResolver.EchoUnprocessedRecord(item.Reference));
                continue;
            }

            var members = new JsonArray();
            foreach (var member in MembersOf(item, graphs, stitched))
            {
                members.Add(await resolver.WriteAsync(member, item.Reference, ct));
            }

            var cluster = new JsonObject();
            cluster[item.Reference.Addressing == IdentityAddressing.Xid ? "xid" : "compositeXid"] = IdentityResolver.Echo(item.Reference);
            cluster["members"] = members;
            clusters.Add(cluster);
        }

        return new JsonObject
        {
            ["version"] = MembersVersion,
            ["clusters"] = clusters,
            ["unprocessedRecords"] = unprocessed,
            ["algo_type"] = "STITCH_ALL",
        };
    }

    private async Task<JsonObject> HistoryAsync(IReadOnlyList<ResolvedIdentity> resolved, bool stitched, CancellationToken ct)
    {
        var processable = resolved.Where(r => r.Processable && r.Xid is not null).ToList();
        var history = stitched ? await graph.ClusterHistoryAsync([.. processable.Select(r => r.Xid!)], ct) : null;
        var entries = new JsonArray();
        foreach (var item in processable)
        {
            var clusters = new JsonArray();
            foreach (var entry in history?.GetValueOrDefault(item.Xid!) ?? [])
            {
                clusters.Add(new JsonObject
                {
                    ["clusterId"] = entry.ClusterId,
                    ["cRecordedTS"] = entry.RecordedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                });
            }

            var result = new JsonObject { ["xid"] = item.Xid };
            if (item.Reference.Addressing != IdentityAddressing.Xid)
            {
                result["compositeXid"] = IdentityResolver.Echo(item.Reference);
            }
            else if (item.Identity is not null)
            {
                result["compositeXid"] = await resolver.WriteAsync(item.Identity, item.Reference with { Addressing = IdentityAddressing.NamespaceId }, ct);
            }

            result["clusterHistory"] = clusters;
            entries.Add(result);
        }

        var (xids, nids) = Unprocessed(resolved);
        return new JsonObject
        {
            ["version"] = HistoryVersion,
            ["xidsClusterHistory"] = entries,
            ["unprocessedXids"] = xids,
            ["unprocessedNids"] = nids,
        };
    }

    private async Task<JsonObject?> MappingsAsync(IReadOnlyList<ResolvedIdentity> resolved, IdentityNamespace? target, bool stitched, CancellationToken ct)
    {
        var graphs = stitched ? await GraphsAsync(resolved, ct) : new Dictionary<CompositeIdentity, IdentityGraphView>();
        var entries = new JsonArray();
        var found = false;
        foreach (var item in resolved.Where(r => r.Processable))
        {
            var mapping = new JsonArray();
            if (item.Identity is { } identity && graphs.TryGetValue(identity, out var view))
            {
                foreach (var related in view.MappingsOf(identity, target?.Code ?? identity.Namespace))
                {
                    var key = item.Reference.Addressing == IdentityAddressing.Xid ? "xid" : "compositeXid";
                    mapping.Add(new JsonObject
                    {
                        [key] = await resolver.WriteAsync(related.Identity, item.Reference, ct),
                        ["lastAssociationTime"] = related.LastAssociation.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                    });
                }
            }

            found |= mapping.Count > 0;
            var entry = new JsonObject();
            entry[item.Reference.Addressing == IdentityAddressing.Xid ? "xid" : "compositeXid"] = IdentityResolver.Echo(item.Reference);
            entry["mapping"] = mapping;
            entries.Add(entry);
        }

        if (!found)
        {
            return null;
        }

        var (xids, nids) = Unprocessed(resolved);
        return new JsonObject
        {
            ["version"] = HistoryVersion,
            ["mappings"] = entries,
            ["unprocessedXids"] = xids,
            ["unprocessedNids"] = nids,
        };
    }

    private async Task<IReadOnlyDictionary<CompositeIdentity, IdentityGraphView>> GraphsAsync(IReadOnlyList<ResolvedIdentity> resolved, CancellationToken ct)
    {
        var identities = resolved.Where(r => r.Identity is not null).Select(r => r.Identity!).Distinct().ToList();
        return await graph.FindGraphsAsync(identities, ct);
    }

    private static IEnumerable<CompositeIdentity> MembersOf(ResolvedIdentity item, IReadOnlyDictionary<CompositeIdentity, IdentityGraphView> graphs, bool stitched)
    {
        if (item.Identity is null || !graphs.TryGetValue(item.Identity, out var view))
        {
            return [];
        }

        return stitched ? view.Members : [item.Identity];
    }

    private async Task<IdentityNamespace?> TargetAsync(string? targetNs, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(targetNs))
        {
            return null;
        }

        return await resolver.FindNamespaceAsync(targetNs.Trim(), ct)
            ?? throw new AepException(ErrorCatalog.Identity.InvalidInput,
                $"targetNs={IdentityNamespaceService.Shorten(targetNs)} names no namespace of this sandbox: give a namespace id (such as 0 or 6) or code (such as Email).");
    }

    private static (JsonArray Xids, JsonArray Nids) Unprocessed(IReadOnlyList<ResolvedIdentity> resolved)
    {
        var xids = new JsonArray();
        var nids = new JsonArray();
        foreach (var item in resolved.Where(r => !r.Processable))
        {
            (item.Reference.Addressing == IdentityAddressing.Xid ? xids : nids).Add(IdentityResolver.Echo(item.Reference));
        }

        return (xids, nids);
    }
}
