namespace ProfilePlatform.Api.Common.Errors;

/// <summary>The JSON shapes AEP services send errors in.</summary>
public enum AepErrorFormat
{
    /// <summary><c>{"type":"/placeholder/type/uri","status","title","detail"}</c>: routes of no particular service.</summary>
    Generic,

    /// <summary>Gateway: <c>{"error_code","message"}</c>.</summary>
    Gateway,

    /// <summary>IMS: <c>{"error","error_description"}</c>.</summary>
    Ims,

    /// <summary>Schema Registry and Catalog: <c>{"type","title","status","report":{...},"detail"}</c>.</summary>
    Xdm,

    /// <summary>Flow Service and Data Prep: <c>{"type","title","status","report":{"detailed-message","request-id"},"errorMessage"}</c>.</summary>
    Flow,

    /// <summary>Streaming collection (DCS): <c>{"type":".../data-collection-service/inlet","status","title","report":{"message"}}</c>;
    /// authorization failures use the <c>data-collection-service-authorization</c> type with the status as a string, as
    /// help/sources/tutorials/api/create/streaming/http.md shows them.</summary>
    Dcs,

    /// <summary>Sandbox Management: <c>{"status","title","type"}</c>.</summary>
    Sandbox,

    /// <summary>Identity Service's namespace API: <c>{"timestamp","type":".../namespacevalidation","status","title",
    /// "error","description","report":{"code"}}</c> (identity-service.yaml <c>/idnamespace/identities</c> responses).</summary>
    IdentityNamespace,

    /// <summary>Identity Service's identity API: <c>{"title","status","detail"}</c> (identity-service.yaml <c>ServiceErrorStatus</c>).</summary>
    Identity,

    /// <summary>Identity Service's cluster API: <c>{"title","status","description"}</c> (identity-service.yaml's
    /// <c>/identity/cluster/members</c> and <c>/identity/clusters/members</c> error schemas).</summary>
    IdentityCluster,

    /// <summary>Identity Service's graph API: <c>{"reason":"Validation error Request id: ...","message"}</c>
    /// (identity-service.yaml's <c>/identity/v2/graph</c> 400 example).</summary>
    IdentityGraph,

    /// <summary>Real-Time Customer Profile: <c>{"message":"UPS-...: ...","cause","statusCode":"400"}</c> with the
    /// status as a string (profile.yaml <c>ResponseErrorContext</c>, <c>NotFoundError</c>, <c>ForbiddenError</c>).</summary>
    Profile,
}
