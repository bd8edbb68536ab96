using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Identity.Clusters;

/// <summary>The <c>graph-type</c> option of the cluster and mapping endpoints: <c>Private Graph</c> (the default,
/// stitch with the private identity graph) or <c>None</c> (no stitching), as help/identity-service/api/list-cluster-identites.md
/// documents; identity-service.yaml spells them <c>pdg</c> (and lists <c>coop</c>, <c>psr</c>), so <c>pdg</c> and
/// <c>none</c> are accepted too. The co-op and other graphs are Adobe products this platform does not have: asking
/// for them is the spec's 400 "not provisioned".</summary>
public static class GraphType
{
    /// <summary>True to stitch with the private graph, false for no stitching.</summary>
    public static bool IsStitched(string? graphType, string imsOrg)
    {
        var value = graphType?.Trim();
        if (string.IsNullOrEmpty(value)
            || string.Equals(value, "Private Graph", StringComparison.OrdinalIgnoreCase)
            || string.Equals(value, "pdg", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(value, "None", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (string.Equals(value, "coop", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "psr", StringComparison.OrdinalIgnoreCase))
        {
            throw new AepException(ErrorCatalog.Identity.InvalidInput, $"The IMS Org {imsOrg} is not provisioned for the {value} device graph; graph-type must be 'Private Graph' (the default) or 'None'.");
        }

        throw new AepException(ErrorCatalog.Identity.InvalidInput, $"graph-type '{IdentityNamespaceService.Shorten(value)}' is not supported: use 'Private Graph' (the default) or 'None'.");
    }
}
