using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.SchemaRegistry;

public sealed partial class SchemaRegistryService
{
    /// <summary><c>GET /tenant/unions</c>: one union per class with a Profile-enabled schema.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListUnionsAsync(CancellationToken ct)
    {
        var resolver = await ResolverAsync(ct);
        var schemas = SchemasOf(resolver);
        return XdmUnion.EnabledClasses(schemas).Select(c =>
        {
            var union = XdmUnion.Build(c, schemas);
            // The list names a union after its class (help/xdm/api/unions.md list example); the lookup titles it "Union object for ...".
            union["title"] = resolver.Resolve(c)?["title"]?.DeepClone() ?? c;
            union["version"] = "1";
            return union;
        }).ToList();
    }

    /// <summary>A union by <c>$id</c> or <c>meta:altId</c>: raw (<c>xed</c>) or composed (<c>xed-full</c>).</summary>
    public async Task<JsonObject> GetUnionAsync(string idOrAltId, XdmAccept accept, CancellationToken ct)
    {
        var resolver = await ResolverAsync(ct);
        var schemas = SchemasOf(resolver);
        var classId = XdmUnion.EnabledClasses(schemas).FirstOrDefault(c => c + XdmUnion.Suffix == idOrAltId || XdmId.AltIdOf(c + XdmUnion.Suffix) == idOrAltId)
            ?? throw NotFound(idOrAltId, accept.Version ?? 1);
        return await RenderAsync(XdmUnion.Build(classId, schemas), accept, resolver, ct);
    }

    private static List<JsonObject> SchemasOf(XdmResolverSnapshot resolver) =>
        resolver.Tenant.Values.Where(d => XdmLineage.StringOf(d["meta:resourceType"]) == "schemas").ToList();

    /// <summary>The rules of <c>meta:immutableTags</c> (help/xdm/api/schemas.md §union, troubleshooting guide XDM-1528 and
    /// XDM-1413): only <c>union</c> may be set, never removed; an enabled schema has a primary identity and merges with
    /// the other members of its class's union.</summary>
    private async Task CheckProfileRulesAsync(string id, JsonObject? before, JsonObject after, XdmResolverSnapshot snapshot, CancellationToken ct)
    {
        if (after["meta:immutableTags"] is { } tags
            && (tags is not JsonArray list || list.Any(t => XdmLineage.StringOf(t) != XdmUnion.Tag)))
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, "Field 'meta:immutableTags' accepts only [\"union\"], which enables a schema for Real-Time Customer Profile.");
        }

        var wasEnabled = before is not null && XdmUnion.IsEnabled(before);
        var isEnabled = XdmUnion.IsEnabled(after);
        if (after["meta:immutableTags"] is not null && XdmLineage.StringOf(after["meta:resourceType"]) != "schemas")
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, "Field 'meta:immutableTags' applies to schemas only: enable the schemas that use this resource instead.");
        }

        if (wasEnabled && !isEnabled)
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Schema {id} is enabled for Profile: the 'union' tag in 'meta:immutableTags' cannot be removed.");
        }

        if (isEnabled && !wasEnabled
            && !XdmLineage.Strings(after["meta:extends"]).Contains(XdmLineage.IdentityMapFieldGroup)
            && !await descriptors.HasPrimaryIdentityAsync(id, ct))
        {
            throw new AepException(
                ErrorCatalog.SchemaRegistry.UnionIdentityRequired,
                $"To participate in a union, a schema must include an identityMap fieldgroup or a primary identity descriptor. Schema {id} has neither: add the field group {XdmLineage.IdentityMapFieldGroup} or create an xdm:descriptorIdentity with \"xdm:isPrimary\": true first.");
        }

        if (isEnabled && !wasEnabled)
        {
            await RequireReferenceIdentitiesAsync(id, ct);
        }

        RequireUnionsMerge(snapshot);
    }

    /// <summary>XDM-1526/1527 (help/xdm/troubleshooting-guide.md): a one-to-one relationship field of a schema joining
    /// the union needs a reference identity descriptor, whose namespace is the destination schema's primary identity's.</summary>
    private async Task RequireReferenceIdentitiesAsync(string schemaId, CancellationToken ct)
    {
        var own = await descriptors.DescriptorsOfAsync(schemaId, ct);
        var references = own.Where(d => XdmLineage.StringOf(d["@type"]) == Descriptors.XdmDescriptorTypes.ReferenceIdentity)
            .ToDictionary(d => XdmLineage.StringOf(d["xdm:sourceProperty"]) ?? "", StringComparer.Ordinal);
        foreach (var relationship in own.Where(d => XdmLineage.StringOf(d["@type"]) == Descriptors.XdmDescriptorTypes.OneToOne))
        {
            var field = XdmLineage.StringOf(relationship["xdm:sourceProperty"]) ?? "";
            if (!references.TryGetValue(field, out var reference))
            {
                throw new AepException(
                    ErrorCatalog.SchemaRegistry.UnionReferenceIdentityMissing,
                    $"Field '{field}' of schema {schemaId} has a one-to-one relationship but no xdm:descriptorReferenceIdentity: create one for that field before enabling the schema for Profile.");
            }

            var destination = XdmLineage.StringOf(relationship["xdm:destinationSchema"]);
            if (destination is null)
            {
                continue;
            }

            var primary = (await descriptors.DescriptorsOfAsync(destination, ct)).FirstOrDefault(d =>
                XdmLineage.StringOf(d["@type"]) == Descriptors.XdmDescriptorTypes.Identity && d["xdm:isPrimary"] is JsonValue p && p.TryGetValue<bool>(out var isPrimary) && isPrimary);
            var expected = primary is null ? null : XdmLineage.StringOf(primary["xdm:namespace"]);
            var given = XdmLineage.StringOf(reference["xdm:identityNamespace"]);
            if (expected is not null && !string.Equals(expected, given, StringComparison.OrdinalIgnoreCase))
            {
                throw new AepException(
                    ErrorCatalog.SchemaRegistry.UnionReferenceNamespaceMismatch,
                    $"The reference identity of field '{field}' uses namespace '{given}', but the primary identity of {destination} is in '{expected}': use '{expected}'.");
            }
        }
    }

    /// <summary>Every union must still compose: members of one class may not define a field path with two types.</summary>
    private static void RequireUnionsMerge(XdmResolverSnapshot snapshot)
    {
        var schemas = SchemasOf(snapshot);
        foreach (var classId in XdmUnion.EnabledClasses(schemas))
        {
            try
            {
                _ = new XdmComposer(snapshot).Compose(XdmUnion.Build(classId, schemas));
            }
            catch (AepException e)
            {
                throw new AepException(ErrorCatalog.SchemaRegistry.MergeSchemaError, $"The union of {classId} cannot merge its schemas: {e.Message}");
            }
        }
    }
}
