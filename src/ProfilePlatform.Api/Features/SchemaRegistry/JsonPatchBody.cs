using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.JsonPatch.SystemTextJson;
using Microsoft.AspNetCore.JsonPatch.SystemTextJson.Exceptions;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Api.Features.SchemaRegistry;

/// <summary>A JSON Patch (RFC 6902) request body, applied with ASP.NET Core's System.Text.Json patch library.</summary>
/// <remarks>The library ignores an unknown <c>op</c> and accepts operations without a <c>path</c>; RFC 6902 makes both
/// errors, so each operation is checked first and a bad one is named by its index.</remarks>
internal sealed class JsonPatchBody : IXdmPatch
{
    private static readonly HashSet<string> Operations = ["add", "remove", "replace", "move", "copy", "test"];
    private readonly JsonPatchDocument _patch;

    private JsonPatchBody(JsonPatchDocument patch) => _patch = patch;

    public static JsonPatchBody Parse(JsonNode? body)
    {
        // The docs' profile-enablement call sends one operation object; an array is the RFC's form.
        var operations = body switch
        {
            JsonArray array => array,
            JsonObject single => new JsonArray(single.DeepClone()),
            _ => throw Invalid("The request body must be a JSON Patch array, e.g. [{\"op\":\"add\",\"path\":\"/meta:immutableTags\",\"value\":[\"union\"]}]."),
        };
        if (operations.Count == 0)
        {
            throw Invalid("The JSON Patch array is empty: send at least one operation.");
        }

        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject op)
            {
                throw Invalid($"Operation [{i}] is not a JSON object.");
            }

            var name = op["op"] is JsonValue o && o.TryGetValue<string>(out var s) ? s : null;
            if (name is null || !Operations.Contains(name))
            {
                throw Invalid($"Operation [{i}] has op '{op["op"]?.ToJsonString() ?? "null"}': use add, remove, replace, move, copy or test.");
            }

            if (op["path"] is not JsonValue p || !p.TryGetValue<string>(out var path) || (path.Length > 0 && path[0] != '/'))
            {
                throw Invalid($"Operation [{i}] ({name}) needs a 'path' JSON Pointer such as \"/title\".");
            }

            if (name is "add" or "replace" or "test" && !op.ContainsKey("value"))
            {
                throw Invalid($"Operation [{i}] ({name} {path}) needs a 'value'.");
            }

            if (name is "move" or "copy" && (op["from"] is not JsonValue f || !f.TryGetValue<string>(out _)))
            {
                throw Invalid($"Operation [{i}] ({name} {path}) needs a 'from' JSON Pointer.");
            }
        }

        try
        {
            return new JsonPatchBody(operations.Deserialize<JsonPatchDocument>() ?? throw Invalid("The JSON Patch body is empty."));
        }
        catch (JsonException e)
        {
            throw Invalid($"The JSON Patch body is malformed: {e.Message}");
        }
    }

    public void ApplyTo(JsonObject document)
    {
        try
        {
            _patch.ApplyTo(document);
        }
        catch (Exception e) when (e is JsonPatchException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw Invalid($"The JSON Patch cannot be applied: {e.Message}");
        }
    }

    private static AepException Invalid(string message) => new(ErrorCatalog.SchemaRegistry.InvalidResource, message);
}
