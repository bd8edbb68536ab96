using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Identity.Clusters;

/// <summary>One identity as a request named it, before the namespace and the XID are looked up.</summary>
/// <param name="Addressing">The form used.</param>
/// <param name="Xid">The XID, for <see cref="IdentityAddressing.Xid"/>.</param>
/// <param name="Namespace">The namespace id or code as sent, for the composite forms.</param>
/// <param name="Id">The identity value, for the composite forms.</param>
/// <param name="CodeKey">The property that carried a namespace code (<c>ns</c> or <c>namespace</c>), echoed in answers.</param>
/// <param name="Original">The request's own JSON for this identity, echoed in the unprocessed lists.</param>
public sealed record IdentityReference(IdentityAddressing Addressing, string? Xid, string? Namespace, string? Id, string CodeKey, JsonNode? Original);
