namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>The kinds of Schema Registry resources.</summary>
public enum XdmResourceType
{
    Behavior,
    Class,
    FieldGroup,
    DataType,
    Schema,
}
