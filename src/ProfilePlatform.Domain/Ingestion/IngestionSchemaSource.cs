using System.Runtime.CompilerServices;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry;
using ProfilePlatform.Domain.SchemaRegistry.Validation;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>The record check of a dataset's schema as it is now: the Schema Registry's compiled validator
/// (<see cref="XdmSchemaValidators"/>, which recompiles when the sandbox's resources change), and the field types and the
/// fast conformance test read from the composed schema (fetched right after the validator, kept as long as it is).</summary>
public sealed class IngestionSchemaSource(SchemaRegistryService registry, XdmSchemaValidators validators)
{
    private static readonly XdmAccept Composed = XdmAccept.ForLookup("application/vnd.adobe.xed-full+json; version=1");

    // The validator cache hands out one instance per schema version, so the field types can hang off it.
    private static readonly ConditionalWeakTable<XdmRecordValidator, Compiled> Schemas = [];

    /// <summary>The check for records of <paramref name="dataset"/>; an <see cref="AepException"/> when its schema is gone
    /// or cannot validate (the registry's error, e.g. XDM-1012-404).</summary>
    public async Task<RecordCheck> ForDatasetAsync(TenantKey tenant, Dataset dataset, CancellationToken ct)
    {
        var validator = await validators.ForSchemaAsync(tenant, dataset.SchemaId, ct);
        if (!Schemas.TryGetValue(validator, out var compiled))
        {
            var composed = await registry.GetAsync(XdmContainer.Tenant, XdmResourceType.Schema, dataset.SchemaId, Composed, ct);
            compiled = new Compiled(IngestionSchema.From(composed), ConformanceFastPath.From(composed));
            Schemas.AddOrUpdate(validator, compiled);
        }

        return new RecordCheck(validator, compiled.Schema, compiled.FastPath);
    }

    private sealed record Compiled(IngestionSchema Schema, ConformanceFastPath FastPath);
}
