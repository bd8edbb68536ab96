using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Domain.Identity.Clusters;

namespace ProfilePlatform.Api.Features.Identity;

/// <summary>The query parameters that name one identity on the cluster and mapping GETs: <c>xid</c>, or
/// <c>nsid</c> (the docs also write <c>nsId</c>; query names match case-insensitively) or <c>namespace</c> (the docs
/// also write <c>ns</c>) with <c>id</c>.</summary>
public sealed class IdentityQuery
{
    [FromQuery(Name = "xid")]
    public string? Xid { get; set; }

    [FromQuery(Name = "nsid")]
    public string? Nsid { get; set; }

    [FromQuery(Name = "namespace")]
    public string? Namespace { get; set; }

    [FromQuery(Name = "id")]
    public string? Id { get; set; }

    /// <summary>The identity named; <c>ns</c> is read from the raw query because <c>namespace</c> takes the bound name.</summary>
    public IdentityReference Reference(HttpRequest request) =>
        IdentityRequests.FromQuery(Xid, Nsid, string.IsNullOrEmpty(Namespace) ? request.Query["ns"].ToString() : Namespace, Id);
}
