namespace ProfilePlatform.Domain.SchemaRegistry.Descriptors;

/// <summary>The descriptor <c>@type</c> values the registry accepts.</summary>
/// <remarks>Sources: help/xdm/api/descriptors.md appendix (identity, friendly name, one-to-one, relationship, reference
/// identity, primary key, version, timestamp, deprecated), schema-registry.yaml <c>lookupDescriptorResponse</c> enum
/// (one-to-many, many-to-many, no payload documented: checked like one-to-one), and the XDM repository's
/// <c>descriptorLabel</c> (field-level labels, used by aepp).</remarks>
public static class XdmDescriptorTypes
{
    public const string Identity = "xdm:descriptorIdentity";
    public const string FriendlyName = "xdm:alternateDisplayInfo";
    public const string OneToOne = "xdm:descriptorOneToOne";
    public const string OneToMany = "xdm:descriptorOneToMany";
    public const string ManyToMany = "xdm:descriptorManyToMany";
    public const string Relationship = "xdm:descriptorRelationship";
    public const string ReferenceIdentity = "xdm:descriptorReferenceIdentity";
    public const string PrimaryKey = "xdm:descriptorPrimaryKey";
    public const string Version = "xdm:descriptorVersion";
    public const string Timestamp = "xdm:descriptorTimestamp";
    public const string Deprecated = "xdm:descriptorDeprecated";
    public const string Label = "xdm:descriptorLabel";

    public static IReadOnlyList<string> All { get; } =
        [Identity, FriendlyName, OneToOne, OneToMany, ManyToMany, Relationship, ReferenceIdentity, PrimaryKey, Version, Timestamp, Deprecated, Label];

    /// <summary>Types that name a destination schema (<c>xdm:destinationSchema</c>).</summary>
    public static bool IsRelationship(string type) => type is OneToOne or OneToMany or ManyToMany or Relationship;

    /// <summary>Types whose <c>xdm:sourceProperty</c> may be an array of paths (composite keys, several deprecated fields).</summary>
    public static bool AllowsSeveralProperties(string type) => type is PrimaryKey or Deprecated;
}
