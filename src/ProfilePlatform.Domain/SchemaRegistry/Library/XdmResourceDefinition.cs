using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.SchemaRegistry.Library;

/// <summary>One standard resource as the library authors it: identity, title, relations and a compact field listing
/// (<see cref="XdmFieldSyntax"/>). <see cref="ToDocument"/> expands it into the registry's raw (<c>xed</c>) form.</summary>
/// <param name="Type">Behavior, class, field group or data type.</param>
/// <param name="Id">The <c>$id</c>, short (<c>context/profile</c>) or full.</param>
/// <param name="Title">The standard title.</param>
/// <param name="Fields">The field listing; may be empty.</param>
internal sealed record XdmResourceDefinition(XdmResourceType Type, string Id, string Title, string Fields)
{
    /// <summary>The version global resources carry (the registry's list responses show <c>"1"</c>).</summary>
    public const string GlobalVersion = "1";

    /// <summary>Classes: the behavior (<c>data/record</c>, <c>data/time-series</c>, <c>data/adhoc</c>).</summary>
    public string? Behavior { get; init; }

    /// <summary>Classes: the standard field groups / data types the class itself includes (besides its behavior).</summary>
    public IReadOnlyList<string> Includes { get; init; } = [];

    /// <summary>Field groups: the classes the field group is meant for.</summary>
    public IReadOnlyList<string> IntendedToExtend { get; init; } = [];

    /// <summary>A short description in the library's own words.</summary>
    public string? Description { get; init; }

    public string FullId => XdmFieldSyntax.ExpandId(Id);

    /// <summary><c>https://ns.adobe.com/xdm/context/profile</c> → <c>_xdm.context.profile</c>.</summary>
    public static string AltIdOf(string id)
    {
        const string Prefix = "https://ns.adobe.com/";
        var path = id.StartsWith(Prefix, StringComparison.Ordinal) ? id[Prefix.Length..] : id;
        return "_" + path.Replace('/', '.');
    }

    public JsonObject ToDocument()
    {
        var id = FullId;
        var definitionName = id[(id.LastIndexOf('/') + 1)..];
        var document = new JsonObject
        {
            ["$id"] = id,
            ["meta:altId"] = AltIdOf(id),
            ["meta:resourceType"] = Type.ResourceType(),
            ["version"] = GlobalVersion,
            ["title"] = Title,
            ["type"] = "object",
        };
        if (Description is not null)
        {
            document["description"] = Description;
        }

        document["definitions"] = new JsonObject
        {
            [definitionName] = new JsonObject
            {
                ["type"] = "object",
                ["meta:xdmType"] = "object",
                ["properties"] = XdmFieldSyntax.Parse(Fields, id),
            },
        };

        var allOf = new JsonArray();
        var extends = new JsonArray();
        if (Behavior is not null)
        {
            var behavior = XdmFieldSyntax.ExpandId(Behavior);
            allOf.Add(Ref(behavior));
            extends.Add(behavior);
        }

        foreach (var included in Includes.Select(XdmFieldSyntax.ExpandId))
        {
            allOf.Add(Ref(included));
            extends.Add(included);
        }

        allOf.Add(Ref("#/definitions/" + definitionName));
        document["allOf"] = allOf;

        if (Type == XdmResourceType.Class)
        {
            document["meta:extends"] = extends;
        }

        if (Type == XdmResourceType.FieldGroup)
        {
            document["meta:intendedToExtend"] = new JsonArray([.. IntendedToExtend.Select(c => (JsonNode?)XdmFieldSyntax.ExpandId(c))]);
        }

        document["meta:abstract"] = Type != XdmResourceType.DataType;
        document["meta:extensible"] = true;
        document["meta:xdmType"] = "object";
        document["meta:containerId"] = "global";
        return document;
    }

    private static JsonObject Ref(string id) => new()
    {
        ["$ref"] = id,
        ["type"] = "object",
        ["meta:xdmType"] = "object",
    };
}
