using System.Globalization;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Identity;

/// <summary><c>GET /identity/identity</c>: the XID of an identity given by namespace code or id and value
/// (identity-service.yaml <c>retrieveIdentity</c>, help/identity-service/api/list-native-id.md).</summary>
/// <remarks>The XID is <see cref="CompositeIdentity.Xid"/> of the namespace's code and the value — the id the identity
/// graph stores — so a nsid and its code give the same XID. It is derived, not looked up, so any valid namespace and
/// value has one, whether or not data with it was ingested [unverified: AEP's docs only say an XID is generated when an
/// identity is persisted].</remarks>
public sealed class XidService(IIdentityNamespaceCatalog namespaces)
{
    /// <summary>Longest identity value Identity Service keeps (help/identity-service/guardrails.md: 1024 characters).</summary>
    public const int MaxValueLength = 1024;

    /// <summary>The <c>{"xid":...}</c> answer. <paramref name="namespaceCode"/> wins over <paramref name="nsid"/>, as the
    /// spec says ("nsid will only be used if namespace was not provided").</summary>
    public async Task<JsonObject> XidAsync(string? namespaceCode, string? nsid, string? id, CancellationToken ct)
    {
        IdentityNamespace? ns;
        string named;
        if (!string.IsNullOrEmpty(namespaceCode))
        {
            named = $"namespace={namespaceCode}";
            ns = await namespaces.FindByCodeAsync(namespaceCode, ct);
        }
        else if (!string.IsNullOrEmpty(nsid))
        {
            named = $"nsid={nsid}";
            ns = int.TryParse(nsid, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? await namespaces.FindByIdAsync(n, ct) : null;
        }
        else
        {
            throw Invalid("One of the query parameters 'namespace' (a namespace code such as Email) or 'nsid' (its id, such as 6) is required.");
        }

        if (string.IsNullOrEmpty(id))
        {
            throw Invalid($"The query parameter 'id' is required: the identity value in the namespace ({IdentityNamespaceService.Shorten(named)}).");
        }

        if (ns is null || id.Length > MaxValueLength || id.Trim().Length == 0)
        {
            var why = ns is null
                ? "no such namespace exists in this sandbox"
                : $"the id must be 1 to {MaxValueLength} characters and not blank";
            throw Invalid($"The provided {IdentityNamespaceService.Shorten(named)} and id={IdentityNamespaceService.Shorten(id)} is invalid. Please provide a valid namespace and id in your request ({why}).");
        }

        return new JsonObject { ["xid"] = new CompositeIdentity(ns.Code, id).Xid };
    }

    private static AepException Invalid(string detail) => new(ErrorCatalog.Identity.InvalidInput, detail);
}
