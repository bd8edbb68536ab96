using System.Globalization;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Identity.Graph;

namespace ProfilePlatform.Domain.Identity.Clusters;

/// <summary>Turns requested identities into graph identities — namespaces through the tenant's catalogue, XIDs through
/// the graph store — and writes identities back in the form a request used.</summary>
public sealed class IdentityResolver(IIdentityNamespaceCatalog namespaces, IdentityGraphService graph)
{
    private Dictionary<string, int>? _namespaceIds;

    /// <summary>Resolves every reference; unknown namespaces and malformed references come back not processable.</summary>
    public async Task<IReadOnlyList<ResolvedIdentity>> ResolveAsync(IReadOnlyList<IdentityReference> references, CancellationToken ct)
    {
        var xids = references.Where(r => r.Addressing == IdentityAddressing.Xid && IsWellFormedXid(r.Xid)).Select(r => r.Xid!).ToList();
        var stored = await graph.FindByXidsAsync(xids, ct);
        var result = new List<ResolvedIdentity>(references.Count);
        foreach (var reference in references)
        {
            if (reference.Addressing == IdentityAddressing.Xid)
            {
                result.Add(IsWellFormedXid(reference.Xid)
                    ? new(reference, stored.GetValueOrDefault(reference.Xid!), true)
                    : new(reference, null, false));
                continue;
            }

            var ns = await NamespaceOfAsync(reference, ct);
            result.Add(ns is not null && IsValidValue(reference.Id)
                ? new(reference, new CompositeIdentity(ns.Code, reference.Id!), true)
                : new(reference, null, false));
        }

        return result;
    }

    /// <summary>Resolves the one identity of a GET, answering the documented 400 InvalidInput when it cannot be used.</summary>
    public async Task<ResolvedIdentity> ResolveOneAsync(IdentityReference reference, CancellationToken ct)
    {
        var resolved = (await ResolveAsync([reference], ct))[0];
        if (resolved.Processable)
        {
            return resolved;
        }

        if (reference.Addressing == IdentityAddressing.Xid)
        {
            throw new AepException(ErrorCatalog.Identity.InvalidInput,
                $"The provided xid={IdentityNamespaceService.Shorten(reference.Xid ?? "")} is invalid: an XID is a base64 string of at most {XidService.MaxValueLength} characters, as GET /identity/identity returns it.");
        }

        var named = reference.Addressing == IdentityAddressing.NamespaceId ? $"nsid={reference.Namespace}" : $"namespace={reference.Namespace}";
        var why = await NamespaceOfAsync(reference, ct) is null
            ? "no such namespace exists in this sandbox"
            : $"the id must be 1 to {XidService.MaxValueLength} characters and not blank";
        throw new AepException(ErrorCatalog.Identity.InvalidInput,
            $"The provided {IdentityNamespaceService.Shorten(named)} and id={IdentityNamespaceService.Shorten(reference.Id ?? "")} is invalid. Please provide a valid namespace and id in your request ({why}).");
    }

    /// <summary>The namespace a <c>targetNs</c> names: a namespace id ("0") or a code.</summary>
    public async Task<IdentityNamespace?> FindNamespaceAsync(string value, CancellationToken ct) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await namespaces.FindByIdAsync(id, ct)
            : await namespaces.FindByCodeAsync(value, ct);

    /// <summary><paramref name="identity"/> written as <paramref name="style"/> names identities: an XID string,
    /// <c>{"nsid","id"}</c> or <c>{"ns"|"namespace","id"}</c>.</summary>
    public async Task<JsonNode> WriteAsync(CompositeIdentity identity, IdentityReference style, CancellationToken ct) => style.Addressing switch
    {
        IdentityAddressing.Xid => JsonValue.Create(identity.Xid),
        IdentityAddressing.NamespaceId => new JsonObject { ["nsid"] = await NamespaceIdAsync(identity.Namespace, ct), ["id"] = identity.Value },
        _ => new JsonObject { [style.CodeKey] = identity.Namespace, ["id"] = identity.Value },
    };

    /// <summary>The requested identity as the request named it (nsid as a number, as AEP's examples answer).</summary>
    public static JsonNode Echo(IdentityReference reference) => reference.Addressing switch
    {
        IdentityAddressing.Xid => reference.Original?.DeepClone() ?? JsonValue.Create(reference.Xid ?? ""),
        IdentityAddressing.NamespaceId when int.TryParse(reference.Namespace, NumberStyles.None, CultureInfo.InvariantCulture, out var nsid) =>
            new JsonObject { ["nsid"] = nsid, ["id"] = reference.Id },
        _ when reference.Original is not null => reference.Original.DeepClone(),
        IdentityAddressing.NamespaceId => new JsonObject { ["nsid"] = reference.Namespace, ["id"] = reference.Id },
        _ => new JsonObject { [reference.CodeKey] = reference.Namespace, ["id"] = reference.Id },
    };

    /// <summary>An unprocessed identity of the v1 cluster members answer: as requested, but with <c>nsid</c> as a string,
    /// the type identity-service.yaml's <c>unprocessedRecords</c> schema gives it (no AEP example shows another).</summary>
    public static JsonNode EchoUnprocessedRecord(IdentityReference reference) =>
        reference is { Addressing: IdentityAddressing.NamespaceId, Namespace: not null }
            ? new JsonObject { ["nsid"] = reference.Namespace, ["id"] = reference.Id }
            : Echo(reference);

    /// <summary>An XID as Identity Service hands them out: base64 or base64url text, at most 1024 characters. Anything
    /// else cannot name an identity; a well-formed XID of no stored identity is simply an empty cluster.</summary>
    public static bool IsWellFormedXid(string? xid) =>
        !string.IsNullOrEmpty(xid) && xid.Length <= XidService.MaxValueLength
        && xid.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '-' or '_');

    private static bool IsValidValue(string? id) => !string.IsNullOrEmpty(id) && id.Length <= XidService.MaxValueLength && id.Trim().Length > 0;

    private async Task<IdentityNamespace?> NamespaceOfAsync(IdentityReference reference, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(reference.Namespace))
        {
            return null;
        }

        if (reference.Addressing == IdentityAddressing.NamespaceId)
        {
            return int.TryParse(reference.Namespace, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? await namespaces.FindByIdAsync(id, ct) : null;
        }

        return await namespaces.FindByCodeAsync(reference.Namespace, ct);
    }

    private async Task<int?> NamespaceIdAsync(string code, CancellationToken ct)
    {
        _namespaceIds ??= (await namespaces.ListAsync(ct)).ToDictionary(n => n.Code, n => n.Id, StringComparer.OrdinalIgnoreCase);
        return _namespaceIds.TryGetValue(code, out var id) ? id : null;
    }
}
