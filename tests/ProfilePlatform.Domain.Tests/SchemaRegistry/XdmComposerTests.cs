using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Domain.Tests.SchemaRegistry;

public sealed class XdmComposerTests
{
    [Fact]
    public void Compose_LocalDefinitionsAndDataTypeRef_InlinesEverything()
    {
        // Arrange
        var sut = new XdmComposer(new Resolver(new()
        {
            ["https://x/dt"] = Obj("""{"$id":"https://x/dt","properties":{"code":{"type":"string"}}}"""),
        }));
        var doc = Obj("""{"title":"T","definitions":{"d":{"properties":{"a":{"$ref":"https://x/dt","title":"A"}}}},"allOf":[{"$ref":"#/definitions/d"}]}""");

        // Act
        var result = sut.Compose(doc);

        // Assert
        Assert.Equal("string", result["properties"]!["a"]!["properties"]!["code"]!["type"]!.GetValue<string>());
        Assert.Equal("A", result["properties"]!["a"]!["title"]!.GetValue<string>());
        Assert.Equal("T", result["title"]!.GetValue<string>());
        Assert.Null(result["allOf"]);
        Assert.Null(result["definitions"]);
    }

    [Fact]
    public void Compose_SameObjectFromTwoParts_MergesTheirFields()
    {
        // Arrange
        var sut = new XdmComposer(new Resolver(new()
        {
            ["https://x/a"] = Obj("""{"properties":{"_t":{"type":"object","properties":{"a":{"type":"string"}}}}}"""),
            ["https://x/b"] = Obj("""{"properties":{"_t":{"type":"object","properties":{"b":{"type":"integer"}}}}}"""),
        }));

        // Act
        var result = sut.Compose(Obj("""{"allOf":[{"$ref":"https://x/a"},{"$ref":"https://x/b"}]}"""));

        // Assert
        var t = result["properties"]!["_t"]!["properties"]!.AsObject();
        Assert.True(t.ContainsKey("a"));
        Assert.True(t.ContainsKey("b"));
    }

    [Fact]
    public void Compose_ConflictingTypesOnOnePath_ThrowsNamingTheField()
    {
        // Arrange
        var sut = new XdmComposer(new Resolver(new()
        {
            ["https://x/a"] = Obj("""{"properties":{"code":{"type":"string"}}}"""),
            ["https://x/b"] = Obj("""{"properties":{"code":{"type":"integer"}}}"""),
        }));

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Compose(Obj("""{"allOf":[{"$ref":"https://x/a"},{"$ref":"https://x/b"}]}""")));

        // Assert
        Assert.Contains("'code'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"allOf":[{"$ref":"https://x/missing"}]}""", "https://x/missing")]
    [InlineData("""{"allOf":[{"$ref":"#/definitions/none"}]}""", "#/definitions/none")]
    public void Compose_DanglingReference_ThrowsNamingIt(string json, string reference)
    {
        // Arrange
        var sut = new XdmComposer(new Resolver([]));

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Compose(Obj(json)));

        // Assert
        Assert.Same(ErrorCatalog.SchemaRegistry.InvalidResource, ex.Error);
        Assert.Contains(reference, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ReferenceCycle_ThrowsInsteadOfLooping()
    {
        // Arrange
        var sut = new XdmComposer(new Resolver(new()
        {
            ["https://x/a"] = Obj("""{"properties":{"b":{"$ref":"https://x/b"}}}"""),
            ["https://x/b"] = Obj("""{"properties":{"a":{"$ref":"https://x/a"}}}"""),
        }));

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Compose(Obj("""{"allOf":[{"$ref":"https://x/a"}]}""")));

        // Assert
        Assert.Contains("cycle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ArrayAndMapValues_AreResolved()
    {
        // Arrange
        var sut = new XdmComposer(new Resolver(new()
        {
            ["https://x/item"] = Obj("""{"properties":{"id":{"type":"string"}}}"""),
        }));
        var doc = Obj("""{"properties":{"list":{"type":"array","items":{"$ref":"https://x/item"}},"map":{"type":"object","additionalProperties":{"$ref":"https://x/item"}}}}""");

        // Act
        var result = sut.Compose(doc);

        // Assert
        Assert.Equal("string", result["properties"]!["list"]!["items"]!["properties"]!["id"]!["type"]!.GetValue<string>());
        Assert.Equal("string", result["properties"]!["map"]!["additionalProperties"]!["properties"]!["id"]!["type"]!.GetValue<string>());
    }

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    private sealed class Resolver(Dictionary<string, JsonObject> docs) : IXdmResolver
    {
        public JsonObject? Resolve(string id) => docs.GetValueOrDefault(id);
    }
}
