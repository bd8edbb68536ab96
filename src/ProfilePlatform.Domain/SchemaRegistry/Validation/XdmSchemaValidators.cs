using System.Security.Cryptography;
using System.Text;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.SchemaRegistry.Validation;

/// <summary>The record validator of a tenant schema as it is now: what ingestion calls before it accepts records.</summary>
/// <remarks>A schema's composed form depends on every field group and data type it reaches, so the cache fingerprint
/// covers all tenant resources of the sandbox (ids and versions): any PUT, PATCH, create or delete in the sandbox
/// recompiles on next use, on every node, without a notification between nodes.</remarks>
public sealed class XdmSchemaValidators(SchemaRegistryService registry, ISchemaRegistryStore store, XdmValidatorCache cache)
{
    private static readonly XdmAccept Composed = XdmAccept.ForLookup("application/vnd.adobe.xed-full+json; version=1");

    /// <summary>The validator of the schema (by <c>$id</c> or alt id); 404 XDM-1012 when the sandbox has no such schema.</summary>
    public async Task<XdmRecordValidator> ForSchemaAsync(TenantKey tenant, string schemaId, CancellationToken ct)
    {
        var resources = await store.ListAsync(null, ct);
        var fingerprint = Fingerprint(resources);
        var id = resources.FirstOrDefault(r => r.Id == schemaId || r.AltId == schemaId)?.Id ?? schemaId;
        return await cache.GetOrCompileAsync(tenant, id, fingerprint, token => registry.GetAsync(XdmContainer.Tenant, XdmResourceType.Schema, id, Composed, token), ct);
    }

    private static string Fingerprint(IEnumerable<XdmResource> resources)
    {
        var text = new StringBuilder();
        foreach (var r in resources.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            text.Append(r.Id).Append('@').Append(r.Version).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
