using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.SchemaRegistry.Library;

/// <summary>One resource of the standard XDM library (the Schema Registry's read-only <c>global</c> container).</summary>
/// <param name="Id">The standard <c>$id</c>, e.g. <c>https://ns.adobe.com/xdm/context/profile</c>.</param>
/// <param name="AltId">The <c>meta:altId</c>, e.g. <c>_xdm.context.profile</c>.</param>
/// <param name="Type">Behavior, class, field group or data type.</param>
/// <param name="Title">The standard title, e.g. <c>XDM Individual Profile</c>.</param>
/// <param name="Document">The resource as the registry returns it in the raw (<c>xed</c>) form: an XDM JSON Schema with
/// <c>$id</c>, <c>title</c>, <c>type</c>, <c>meta:*</c> keywords, <c>definitions</c>, <c>allOf</c> and <c>$ref</c>s kept.
/// Callers get a deep clone; the library is immutable.</param>
public sealed record XdmLibraryResource(string Id, string AltId, XdmResourceType Type, string Title, JsonObject Document);
