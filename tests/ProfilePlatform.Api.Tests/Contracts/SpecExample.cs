using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>A response example embedded in a spec, with the schema of the response it illustrates.</summary>
/// <param name="Operation">The operation it belongs to.</param>
/// <param name="StatusKey">The response key, e.g. <c>200</c>.</param>
/// <param name="Name">Where it sits: the media type and example name, or <c>schema example</c>.</param>
/// <param name="Schema">The response schema, or <c>null</c> when the response documents none.</param>
/// <param name="Body">The example body.</param>
internal sealed record SpecExample(SpecOperation Operation, string StatusKey, string Name, JsonSchema? Schema, JToken Body)
{
    public override string ToString() => $"{Operation} {StatusKey} ({Name})";
}
