namespace ProfilePlatform.Domain.SchemaRegistry.Library;

/// <summary>
/// The content of the standard XDM library, authored compactly (see <see cref="XdmFieldSyntax"/> for the field
/// listing). Ids, titles and field paths follow the public XDM standard (github.com/adobe/xdm, <c>components/</c>),
/// with the registry's wire names: the <c>xdm:</c> prefix dropped and <c>@id</c> as <c>_id</c>. Descriptions are the
/// library's own. To add a resource, add an entry to the matching partial file; the tests check that every
/// <c>$ref</c> and every <c>meta:intendedToExtend</c> resolves inside the library.
/// </summary>
internal static partial class XdmStandardDefinitions
{
    public static IReadOnlyList<XdmResourceDefinition> All { get; } = [.. Behaviors, .. Classes, .. FieldGroups, .. DataTypes, .. EventDataTypes];

    private const string Profile = "context/profile";
    private const string ExperienceEvent = "context/experienceevent";

    private static XdmResourceDefinition Behavior(string id, string title, string fields) =>
        new(XdmResourceType.Behavior, id, title, fields);

    private static XdmResourceDefinition Class(string id, string title, string behavior, string fields) =>
        new(XdmResourceType.Class, id, title, fields) { Behavior = behavior };

    private static XdmResourceDefinition FieldGroup(string id, string title, string[] intendedToExtend, string fields) =>
        new(XdmResourceType.FieldGroup, id, title, fields) { IntendedToExtend = intendedToExtend };

    private static XdmResourceDefinition DataType(string id, string title, string fields) =>
        new(XdmResourceType.DataType, id, title, fields);
}
