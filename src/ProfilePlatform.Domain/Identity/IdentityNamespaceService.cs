using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Identity;

/// <summary>Identity Service's namespace API (identity-service.yaml <c>/idnamespace/identities</c>): the standard
/// namespaces every organization has plus the custom ones of the sandbox; custom ones are created and renamed,
/// never deleted.</summary>
public sealed class IdentityNamespaceService(IIdentityNamespaceStore store, IIdentityNamespaceCatalog catalog, TimeProvider clock)
{
    /// <summary>Custom namespace ids are drawn from this range: eight digits, like AEP's (10093197), above every
    /// standard id (the highest is 20915).</summary>
    public const int FirstCustomId = 10_000_000;

    private const int LastCustomId = 99_999_999;
    private const int IdAttempts = 8;

    /// <summary>Standard namespaces by id, then custom ones by id: a bare JSON array, as AEP answers.</summary>
    public async Task<JsonArray> ListAsync(CancellationToken ct) =>
        new([.. (await catalog.ListAsync(ct)).Select(n => (JsonNode)IdentityNamespaceJson.ToJson(n))]);

    public async Task<JsonObject> GetAsync(TenantKey tenant, string id, CancellationToken ct)
    {
        var ns = TryParseId(id) is { } nsid ? await catalog.FindByIdAsync(nsid, ct) : null;
        return IdentityNamespaceJson.ToJson(ns ?? throw NotFound(tenant, id));
    }

    /// <summary>Creates a custom namespace and answers with it.</summary>
    public async Task<JsonObject> CreateAsync(TenantKey tenant, JsonNode? body, CancellationToken ct)
    {
        var fields = IdentityNamespaceFields.Parse(body);
        await EnsureFreeAsync(fields, exceptId: null, ct);
        for (var attempt = 1; ; attempt++)
        {
            var ns = CustomIdentityNamespace.Create(tenant, RandomNumberGenerator.GetInt32(FirstCustomId, LastCustomId + 1), fields, clock.GetUtcNow());
            try
            {
                await store.AddAsync(ns, ct);
                return IdentityNamespaceJson.ToJson(ns.ToNamespace());
            }
            catch (IdentityNamespaceTakenException) when (attempt < IdAttempts)
            {
                // A concurrent writer took the code or name (409 below), or the random id was taken (try another).
                await EnsureFreeAsync(fields, exceptId: null, ct);
            }
        }
    }

    /// <summary>Replaces name and description of a custom namespace. The answer is an array holding the namespace,
    /// as identity-service.yaml's 200 response declares [unverified: no AEP doc shows this response].</summary>
    public async Task<JsonArray> UpdateAsync(TenantKey tenant, string id, JsonNode? body, CancellationToken ct)
    {
        var nsid = TryParseId(id) ?? throw NotFound(tenant, id);
        if (StandardIdentityNamespaces.All.FirstOrDefault(n => n.Id == nsid) is { } standard)
        {
            throw IdentityNamespaceFields.Invalid($"Namespace {nsid} ({standard.Code}) is a standard namespace: only custom namespaces can be updated.");
        }

        var ns = await store.FindAsync(nsid, ct) ?? throw NotFound(tenant, id);
        var fields = IdentityNamespaceFields.Parse(body);
        ns.Update(fields, clock.GetUtcNow());
        await EnsureFreeAsync(fields, exceptId: ns.Id, ct, checkCode: false);
        try
        {
            await store.SaveAsync(ns, ct);
        }
        catch (IdentityNamespaceTakenException)
        {
            throw NameTaken(fields.Name);
        }

        return [IdentityNamespaceJson.ToJson(ns.ToNamespace())];
    }

    private async Task EnsureFreeAsync(IdentityNamespaceFields fields, int? exceptId, CancellationToken ct, bool checkCode = true)
    {
        if (checkCode && (StandardIdentityNamespaces.ByCode(fields.Code) is not null || await store.FindByCodeAsync(fields.Code, ct) is not null))
        {
            throw new AepException(
                ErrorCatalog.Identity.NamespaceCodeExists,
                $"Namespace code already exists. Please use a different code: '{fields.Code}' is taken (codes are compared ignoring case, standard ones included).");
        }

        if (StandardIdentityNamespaces.ByName(fields.Name) is not null
            || await store.FindByNameAsync(fields.Name, ct) is { } named && named.Id != exceptId)
        {
            throw NameTaken(fields.Name);
        }
    }

    private static AepException NameTaken(string name) => new(
        ErrorCatalog.Identity.NamespaceNameExists,
        $"Namespace name already exists. Please use a different name: '{name}' is the display name of another namespace (compared ignoring case).");

    private static int? TryParseId(string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static AepException NotFound(TenantKey tenant, string id) => new(
        ErrorCatalog.Identity.NamespaceNotFound,
        $"Namespace id not found for given IMS Org {tenant.ImsOrg}: no namespace has id '{Shorten(id)}' in sandbox '{tenant.Sandbox}'. List them with GET /data/core/idnamespace/identities.");

    internal static string Shorten(string value) => value.Length <= 100 ? value : value[..100] + "...";
}
