namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>Wire names of the resource types: <c>meta:resourceType</c>, the <c>$id</c> path segment and the URL segments.</summary>
/// <remarks>Field groups keep AEP's legacy name on the wire: their <c>$id</c>s live under <c>/mixins/</c> and their
/// <c>meta:resourceType</c> is <c>mixins</c>, even when created through <c>/fieldgroups</c> (help/xdm/api/field-groups.md).</remarks>
public static class XdmResourceTypes
{
    public static string ResourceType(this XdmResourceType type) => type switch
    {
        XdmResourceType.Behavior => "behaviors",
        XdmResourceType.Class => "classes",
        XdmResourceType.FieldGroup => "mixins",
        XdmResourceType.DataType => "datatypes",
        XdmResourceType.Schema => "schemas",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The resource type a URL segment names (<c>fieldgroups</c> and <c>mixins</c> both name field groups).</summary>
    public static XdmResourceType? FromUrlSegment(string segment) => segment switch
    {
        "behaviors" => XdmResourceType.Behavior,
        "classes" => XdmResourceType.Class,
        "fieldgroups" or "mixins" => XdmResourceType.FieldGroup,
        "datatypes" => XdmResourceType.DataType,
        "schemas" => XdmResourceType.Schema,
        _ => null,
    };
}
