using Newtonsoft.Json.Linq;

namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>The load-time repairs of the vendored specs: broken references that NSwag cannot read past.</summary>
/// <remarks>They touch no schema a response is validated against; schema defects are <see cref="KnownSpecDeviations"/>.</remarks>
internal static class KnownSpecRepairs
{
    public static IReadOnlyList<SpecRepair> All { get; } =
    [
        new("sandbox.yaml",
            "Two responses reference '/#components/responses/Forbidden' (a misplaced '#'); NSwag cannot resolve it. "
            + "Read as '#/components/responses/Forbidden', like the spec's other 27 references to it.",
            root =>
            {
                var broken = root.SelectTokens("$..['$ref']").OfType<JValue>()
                    .Where(v => (string?)v == "/#components/responses/Forbidden").ToList();
                broken.ForEach(v => v.Value = "#/components/responses/Forbidden");
                return broken.Count > 0;
            }),
        new("destinations.yaml",
            "GET /connections/{id} 500: the '$ref' to ErrorResponse is indented under the response instead of under "
            + "content/application/json/schema (leaving 'schema: null'); NSwag fails reading a schema as a response. Moved back under schema.",
            root =>
            {
                if (root.SelectToken("paths['/connections/{id}'].get.responses['500']") is not JObject response
                    || response["$ref"] is not JValue reference
                    || response.SelectToken("content['application/json']") is not JObject media
                    || media["schema"] is { Type: not JTokenType.Null })
                {
                    return false;
                }

                response.Remove("$ref");
                media["schema"] = new JObject { ["$ref"] = reference };
                return true;
            }),
        new("destinations.yaml",
            "PATCH /connections/{id} 200 names the example '#/components/examples/Patch_Connection_Response', which "
            + "components/examples does not define; NSwag cannot resolve it. The dangling example is dropped.",
            root =>
            {
                const string Reference = "#/components/examples/Patch_Connection_Response";
                if (root.SelectToken("paths['/connections/{id}'].patch.responses['200'].content['application/json'].examples") is not JObject examples
                    || root.SelectToken("components.examples.Patch_Connection_Response") is not null)
                {
                    return false;
                }

                var dangling = examples.Properties().Where(p => (string?)p.Value["$ref"] == Reference).ToList();
                dangling.ForEach(p => p.Remove());
                return dangling.Count > 0;
            }),
    ];
}
