using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Domain.Tests.SchemaRegistry;

/// <summary>The pure rules behind PUT/PATCH: version bumps, audit diffs, the breaking-change check and union building.</summary>
public sealed class XdmRevisionRulesTests
{
    [Theory]
    [InlineData("1.0", "1.1")]
    [InlineData("1.9", "1.10")]
    [InlineData("2.41", "2.42")]
    [InlineData("1", "1.1")]
    public void Next_BumpsTheMinor(string version, string expected) => Assert.Equal(expected, XdmVersion.Next(version));

    [Fact]
    public void Diff_ReportsAddsReplacesAndRemovesAtTheirOwnPaths()
    {
        // Arrange
        var before = Obj("""{"title":"A","version":"1.0","definitions":{"d":{"properties":{"a/b":{"type":"string"},"gone":{"type":"string"}}}},"allOf":[{"$ref":"x"}]}""");
        var after = Obj("""{"title":"B","version":"1.1","definitions":{"d":{"properties":{"a/b":{"type":"string"},"new":{"type":"integer"}}}},"allOf":[{"$ref":"x"},{"$ref":"y"}]}""");

        // Act
        var changes = XdmJsonDiff.Between(before, after, new HashSet<string> { "version" });

        // Assert
        Assert.Equal(
            [
                ("replace", "/title"),
                ("add", "/definitions/d/properties/new"),
                ("remove", "/definitions/d/properties/gone"),
                ("replace", "/allOf"),
            ],
            changes.Select(c => (c.Action, c.Path)));
        Assert.Equal("integer", changes[1].Value!["type"]!.GetValue<string>());
        Assert.Null(changes[2].Value);
    }

    [Fact]
    public void Diff_EscapesPointerCharacters()
    {
        var changes = XdmJsonDiff.Between(Obj("{}"), Obj("""{"a/b~c":1}"""), new HashSet<string>());
        Assert.Equal("/a~1b~0c", changes.Single().Path);
    }

    [Fact]
    public void Evolution_AddingOptionalFields_IsAllowed()
    {
        var before = Obj("""{"properties":{"a":{"type":"string"},"o":{"type":"object","properties":{"x":{"type":"integer"}}}}}""");
        var after = Obj("""{"properties":{"a":{"type":"string"},"b":{"type":"number"},"o":{"type":"object","properties":{"x":{"type":"integer"},"y":{"type":"string"}}}}}""");

        XdmEvolution.RequireNonBreaking("s", "is enabled for Profile", before, after);
    }

    [Theory]
    [InlineData("""{"properties":{"o":{"type":"object","properties":{}}}}""", "field '/o/x' would be removed")]
    [InlineData("""{"properties":{"o":{"type":"object","properties":{"x":{"type":"string"}}}}}""", "field '/o/x' would change type from 'integer' to 'string'")]
    [InlineData("""{"properties":{"o":{"type":"object","properties":{"x":{"type":"integer","meta:xdmType":"long"}}}}}""", "would change type from 'integer' to 'integer:long'")]
    [InlineData("""{"properties":{"o":{"type":"object","required":["x"],"properties":{"x":{"type":"integer"}}}}}""", "field '/o/x' would become required")]
    [InlineData("""{"properties":{"o":{"type":"array","items":{"type":"string"}}}}""", "field '/o' would change type")]
    public void Evolution_BreakingChanges_AreNamed(string after, string expected)
    {
        var before = Obj("""{"properties":{"o":{"type":"object","properties":{"x":{"type":"integer"}}}}}""");

        var e = Assert.Throws<AepException>(() => XdmEvolution.RequireNonBreaking("https://ns/s", "is enabled for Profile", before, Obj(after)));

        Assert.Equal(ErrorCatalog.SchemaRegistry.InvalidResource, e.Error);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("https://ns/s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evolution_ArrayItemChanges_AreBreaking()
    {
        var before = Obj("""{"properties":{"list":{"type":"array","items":{"type":"object","properties":{"id":{"type":"string"}}}}}}""");
        var after = Obj("""{"properties":{"list":{"type":"array","items":{"type":"object","properties":{}}}}}""");

        var e = Assert.Throws<AepException>(() => XdmEvolution.RequireNonBreaking("s", "is enabled for Profile", before, after));

        Assert.Contains("field '/list[]/id' would be removed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Union_TakesTheClassAndTheFieldGroupsOfEnabledSchemasOfThatClassOnly()
    {
        // Arrange
        const string profile = "https://ns.adobe.com/xdm/context/profile";
        var schemas = new[]
        {
            Schema(profile, enabled: true, "fg1", "fg2"),
            Schema(profile, enabled: true, "fg2", "fg3"),
            Schema(profile, enabled: false, "fg4"),
            Schema("https://ns.adobe.com/xdm/context/experienceevent", enabled: true, "fg5"),
        };

        // Act
        var union = XdmUnion.Build(profile, schemas);

        // Assert
        Assert.Equal([profile, "fg1", "fg2", "fg3"], union["allOf"]!.AsArray().Select(p => p!["$ref"]!.GetValue<string>()));
        Assert.Equal(profile + "__union", union["$id"]!.GetValue<string>());
        Assert.Equal("_xdm.context.profile__union", union["meta:altId"]!.GetValue<string>());
        Assert.Equal(["https://ns.adobe.com/xdm/context/experienceevent", profile], XdmUnion.EnabledClasses(schemas));
    }

    private static JsonObject Schema(string classId, bool enabled, params string[] fieldGroups)
    {
        var schema = new JsonObject
        {
            ["meta:resourceType"] = "schemas",
            ["meta:class"] = classId,
            ["allOf"] = new JsonArray(fieldGroups.Prepend(classId).Select(f => (JsonNode)new JsonObject { ["$ref"] = f }).ToArray()),
            ["meta:extends"] = new JsonArray(fieldGroups.Prepend(classId).Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
        };
        if (enabled)
        {
            schema["meta:immutableTags"] = new JsonArray("union");
        }

        return schema;
    }

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();
}
