namespace ProfilePlatform.Api.Features.SchemaRegistry;

/// <summary>The Schema Registry's base path (schema-registry.yaml <c>basePath</c>).</summary>
internal static class SchemaRegistryRoutes
{
    public const string Base = "data/foundation/schemaregistry";
    public const string Containers = "{container:regex(^(global|tenant)$)}";
    public const string Resources = "{resources:regex(^(classes|fieldgroups|mixins|datatypes|schemas|behaviors)$)}";
}
