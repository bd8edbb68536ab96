using Newtonsoft.Json.Linq;
using NJsonSchema;
using NSwag;

namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>Finds the response examples embedded in a spec.</summary>
/// <remarks>
/// OpenAPI 3: <c>content.*.example</c> and <c>content.*.examples.*.value</c>; Swagger 2.0: <c>examples.*</c>.
/// A response without those but whose schema carries an <c>example</c> (schema-registry.yaml's only kind)
/// contributes that one. NJsonSchema treats <c>allOf: [$ref]</c> as a reference, so the schema's example is
/// looked for along the <c>$ref</c> chain before NJsonSchema's <c>ActualSchema</c> skips past it.
/// </remarks>
internal static class SpecExamples
{
    public static IEnumerable<SpecExample> Of(AepSpec spec) =>
        from operation in spec.Operations
        from response in operation.Operation.Responses
        from example in Of(spec, operation, response.Key, response.Value.ActualResponse)
        select example;

    private static IEnumerable<SpecExample> Of(AepSpec spec, SpecOperation operation, string statusKey, OpenApiResponse response)
    {
        if (spec.IsSwagger2)
        {
            var declared = (response.Examples as JObject)?.Properties().ToList() ?? [];
            foreach (var example in declared)
            {
                yield return new(operation, statusKey, example.Name, response.Schema, example.Value);
            }

            if (declared.Count == 0 && SchemaExample(response.Schema) is { } fromSchema)
            {
                yield return new(operation, statusKey, "schema example", response.Schema, fromSchema);
            }

            yield break;
        }

        foreach (var (mediaType, media) in response.Content)
        {
            if (media.Example is not null)
            {
                yield return new(operation, statusKey, mediaType, media.Schema, ToToken(media.Example));
            }

            foreach (var (name, example) in media.Examples)
            {
                if (example.ActualExample.Value is { } value)
                {
                    yield return new(operation, statusKey, $"{mediaType} {name}", media.Schema, ToToken(value));
                }
            }

            if (media.Example is null && media.Examples.Count == 0 && SchemaExample(media.Schema) is { } fromSchema)
            {
                yield return new(operation, statusKey, $"{mediaType} schema example", media.Schema, fromSchema);
            }
        }
    }

    private static JToken? SchemaExample(JsonSchema? schema)
    {
        for (var current = schema; current is not null; current = current.Reference)
        {
            if (current.Example is not null)
            {
                return ToToken(current.Example);
            }
        }

        return null;
    }

    private static JToken ToToken(object value) => value as JToken ?? JToken.FromObject(value);
}
