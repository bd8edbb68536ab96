using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Visitors;
using NSwag;

namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>Reads one vendored spec: YAML to typed JSON, load-time repairs, NSwag, and Swagger 2.0 normalisation.</summary>
internal static partial class SpecLoader
{
    public static async Task<AepSpec> LoadAsync(string path)
    {
        var file = Path.GetFileName(path);
        var root = YamlToJson.Convert(await File.ReadAllTextAsync(path)) as JObject
            ?? throw new InvalidDataException($"{file}: the document is not a mapping.");

        foreach (var repair in KnownSpecRepairs.All.Where(r => r.Spec == file))
        {
            if (!repair.Apply(root))
            {
                throw new InvalidOperationException($"{file}: load-time repair no longer applies, remove it from KnownSpecRepairs: {repair.Reason}");
            }
        }

        var document = await OpenApiDocument.FromJsonAsync(root.ToString(Formatting.None), path);
        if (document.SchemaType == SchemaType.Swagger2)
        {
            AllowUndeclaredAdditionalProperties(file, root, document);
        }

        return new AepSpec(file, BasePath(file, root), document);
    }

    /// <summary>
    /// Where the spec is mounted: OpenAPI 3 <c>servers[0].url</c> or Swagger 2.0 <c>basePath</c>, without scheme
    /// and host (<c>//{environment}.adobe.io/data/foundation/catalog</c> gives <c>/data/foundation/catalog</c>).
    /// </summary>
    private static string BasePath(string file, JObject root)
    {
        var url = root["swagger"] is not null
            ? (string?)root["basePath"]
            : (string?)root.SelectToken("servers[0].url");
        var path = SchemeAndHost().Replace(url ?? "/", "");
        if (path.Contains('{', StringComparison.Ordinal))
        {
            throw new NotSupportedException($"{file}: templated base path '{url}'.");
        }

        var trimmed = path.Trim('/');
        return trimmed.Length == 0 ? "" : "/" + trimmed;
    }

    /// <summary>
    /// NJsonSchema reads a Swagger 2.0 schema without <c>additionalProperties</c> as closed (a code-generation
    /// choice); Swagger 2.0, like JSON Schema, leaves it open. Reopen every schema that does not declare it.
    /// </summary>
    /// <remarks>
    /// NJsonSchema keeps no trace of which schemas declared it, so a spec that declares it anywhere is refused
    /// here rather than silently loosened; schema-registry.yaml declares it nowhere.
    /// </remarks>
    private static void AllowUndeclaredAdditionalProperties(string file, JObject root, OpenApiDocument document)
    {
        if (root.SelectTokens("$..additionalProperties").Any())
        {
            throw new NotSupportedException($"{file}: Swagger 2.0 spec declares additionalProperties; teach SpecLoader which schemas did.");
        }

        new OpenAdditionalProperties().Visit(document);
    }

    [GeneratedRegex("^([a-zA-Z][a-zA-Z0-9+.-]*:)?//[^/]*")]
    private static partial Regex SchemeAndHost();

    private sealed class OpenAdditionalProperties : JsonSchemaVisitorBase
    {
        protected override JsonSchema VisitSchema(JsonSchema schema, string path, string? typeNameHint)
        {
            if (schema.AdditionalPropertiesSchema is null)
            {
                schema.AllowAdditionalProperties = true;
            }

            return schema;
        }
    }
}
