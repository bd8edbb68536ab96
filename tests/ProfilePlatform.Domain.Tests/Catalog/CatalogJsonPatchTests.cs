using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Tests.Catalog;

public sealed class CatalogJsonPatchTests
{
    private static readonly IReadOnlySet<string> ReadOnly = DatasetFields.ReadOnly;

    [Fact]
    public void Apply_DocumentedProfileEnablement_AddsTagsKeepingOthers()
    {
        // Arrange: help/catalog/datasets/enable-for-profile.md
        var doc = Doc("""{"name":"n","tags":{"adobe/pqs/table":["t"]}}""");
        var ops = Ops("""[{"op":"add","path":"/tags/unifiedProfile","value":["enabled:true"]},{"op":"add","path":"/tags/unifiedIdentity","value":["enabled:true"]}]""");

        // Act
        var result = CatalogJsonPatch.Apply(doc, ops, ReadOnly);

        // Assert
        Assert.Equal("""{"name":"n","tags":{"adobe/pqs/table":["t"],"unifiedProfile":["enabled:true"],"unifiedIdentity":["enabled:true"]}}""", result.ToJsonString());
        Assert.Equal("""{"name":"n","tags":{"adobe/pqs/table":["t"]}}""", doc.ToJsonString()); // the input is untouched
    }

    [Theory]
    [InlineData("""[{"op":"replace","path":"/name","value":"m"}]""", """{"name":"m","a":[1,2,3],"o":{"k":"v"}}""")]
    [InlineData("""[{"op":"remove","path":"/o/k"}]""", """{"name":"n","a":[1,2,3],"o":{}}""")]
    [InlineData("""[{"op":"add","path":"/a/1","value":9}]""", """{"name":"n","a":[1,9,2,3],"o":{"k":"v"}}""")]
    [InlineData("""[{"op":"add","path":"/a/-","value":4}]""", """{"name":"n","a":[1,2,3,4],"o":{"k":"v"}}""")]
    [InlineData("""[{"op":"remove","path":"/a/0"}]""", """{"name":"n","a":[2,3],"o":{"k":"v"}}""")]
    [InlineData("""[{"op":"move","from":"/o/k","path":"/description"}]""", """{"name":"n","a":[1,2,3],"o":{},"description":"v"}""")]
    [InlineData("""[{"op":"copy","from":"/name","path":"/description"}]""", """{"name":"n","a":[1,2,3],"o":{"k":"v"},"description":"n"}""")]
    [InlineData("""[{"op":"test","path":"/name","value":"n"},{"op":"replace","path":"/o~1x","value":1}]""", "fail")]
    [InlineData("""[{"op":"test","path":"/a","value":[1,2,3]},{"op":"add","path":"/x~1y","value":1}]""", """{"name":"n","a":[1,2,3],"o":{"k":"v"},"x/y":1}""")]
    public void Apply_Rfc6902Operations_ProduceExpectedDocument(string ops, string expected)
    {
        // Arrange
        var doc = Doc("""{"name":"n","a":[1,2,3],"o":{"k":"v"}}""");

        // Act
        var outcome = Record.Exception(() => CatalogJsonPatch.Apply(doc, Ops(ops), ReadOnly).ToJsonString());
        var result = outcome is null ? CatalogJsonPatch.Apply(doc, Ops(ops), ReadOnly).ToJsonString() : "fail";

        // Assert
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("""[{"op":"add","path":"/version","value":"9.9.9"}]""", "version")]
    [InlineData("""[{"op":"replace","path":"/files","value":"x"}]""", "files")]
    [InlineData("""[{"op":"remove","path":"/missing"}]""", "does not exist")]
    [InlineData("""[{"op":"replace","path":"/missing","value":1}]""", "does not exist")]
    [InlineData("""[{"op":"add","path":"/a/7","value":1}]""", "index")]
    [InlineData("""[{"op":"add","path":"/a/01","value":1}]""", "index")]
    [InlineData("""[{"op":"add","path":"name","value":1}]""", "JSON Pointer")]
    [InlineData("""[{"op":"add","path":"","value":{}}]""", "whole object")]
    [InlineData("""[{"op":"add","path":"/x"}]""", "'value'")]
    [InlineData("""[{"op":"upsert","path":"/x","value":1}]""", "upsert")]
    [InlineData("""[{"op":"test","path":"/name","value":"other"}]""", "differs")]
    [InlineData("""[{"op":"move","from":"/o","path":"/o/k2"}]""", "into itself")]
    [InlineData("""["add"]""", "[0]")]
    [InlineData("""[{"op":"add","path":"/name/x","value":1}]""", "not an object")]
    public void Apply_BadOperation_Throws400NamingIt(string ops, string mentions)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => CatalogJsonPatch.Apply(Doc("""{"name":"n","a":[1,2,3],"o":{"k":"v"}}"""), Ops(ops), ReadOnly));

        // Assert
        Assert.Same(ErrorCatalog.Catalog.InvalidObject, ex.Error);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_TooManyOperations_Throws400()
    {
        // Arrange
        var ops = new JsonArray([.. Enumerable.Range(0, 101).Select(i => (JsonNode)new JsonObject { ["op"] = "add", ["path"] = $"/k{i}", ["value"] = i })]);

        // Act / Assert
        Assert.Throws<AepException>(() => CatalogJsonPatch.Apply(Doc("{}"), ops, ReadOnly));
    }

    private static JsonObject Doc(string json) => JsonNode.Parse(json)!.AsObject();

    private static JsonArray Ops(string json) => JsonNode.Parse(json)!.AsArray();
}
