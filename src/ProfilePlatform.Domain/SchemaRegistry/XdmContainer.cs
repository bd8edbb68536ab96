namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>Schema Registry containers: the read-only standard library, and the tenant's own resources.</summary>
public enum XdmContainer
{
    Global,
    Tenant,
}
