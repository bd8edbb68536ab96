namespace ProfilePlatform.Domain.Identity.Clusters;

/// <summary>How a caller named an identity; the cluster, mapping and graph endpoints answer in the same form
/// (identity-service.yaml: "The returned identities are formatted to match the request").</summary>
public enum IdentityAddressing
{
    /// <summary>By XID: <c>?xid=</c>, <c>"xids":[...]</c>.</summary>
    Xid,

    /// <summary>By namespace id and value: <c>?nsid=411&amp;id=</c>, <c>{"nsid":411,"id":...}</c>.</summary>
    NamespaceId,

    /// <summary>By namespace code and value: <c>?namespace=adcloud&amp;id=</c>, <c>{"ns":"adcloud","id":...}</c>.</summary>
    NamespaceCode,
}
