using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Tests.Catalog;

public sealed class DatasetFieldsTests
{
    private const string Schema = "https://ns.adobe.com/acme/schemas/719c4e19184402c27595e65b931a142b";

    [Fact]
    public void Parse_DocumentedCreateBody_ReadsEveryField()
    {
        // Arrange: help/catalog/api/create-dataset.md plus the profile tags and a CSV file description
        var body = Body($$"""
            {"name":"LoyaltyMembersDataset","description":"members",
             "schemaRef":{"id":"{{Schema}}","contentType":"application/vnd.adobe.xed-full+json;version=1"},
             "fileDescription":{"persisted":true,"containerFormat":"parquet","format":"parquet","delimiters":[","],"header":true,"charset":"UTF-8"},
             "tags":{"unifiedProfile":["enabled:true"],"unifiedIdentity":["enabled: true"]},
             "enableErrorDiagnostics":true,"fields":[]}
            """);

        // Act
        var sut = DatasetFields.Parse(body);

        // Assert
        Assert.Equal("LoyaltyMembersDataset", sut.Name);
        Assert.Equal("members", sut.Description);
        Assert.Equal(new SchemaRef(Schema, "application/vnd.adobe.xed-full+json;version=1"), sut.SchemaRef);
        Assert.True(sut.Tags.ProfileEnabled);
        Assert.True(sut.Tags.IdentityEnabled);
        Assert.Equal("parquet", sut.FileDescription!["format"]!.GetValue<string>());
        Assert.True(sut.EnableErrorDiagnostics);
        Assert.Equal("DRAFT", sut.State);
        Assert.Empty(sut.Other); // fields[] is accepted and dropped
    }

    [Fact]
    public void Parse_ReadOnlyEchoedBack_Ignored()
    {
        // Arrange: help/catalog/api/replace-object.md's PUT sends "files"
        var body = Body($$"""{"schemaRef":{"id":"{{Schema}}"},"files":"@/dataSets/x/views/y/files","version":"9.9.9","created":1,"imsOrg":"EVIL@AdobeOrg"}""");

        // Act
        var sut = DatasetFields.Parse(body);

        // Assert
        Assert.Empty(sut.Other);
        Assert.Equal(SchemaRef.DefaultContentType, sut.SchemaRef.ContentType);
        Assert.DoesNotContain("files", sut.ToJson().Select(kv => kv.Key));
    }

    [Fact]
    public void Parse_UnknownTopLevelProperty_KeptAsSent()
    {
        // Act
        var sut = DatasetFields.Parse(Body($$$"""{"schemaRef":{"id":"{{{Schema}}}"},"aspect":"production","dule":{"identity":["I1"]}}"""));

        // Assert
        Assert.Equal("production", sut.Other["aspect"]!.GetValue<string>());
        Assert.Equal("I1", sut.ToJson()["dule"]!["identity"]![0]!.GetValue<string>());
    }

    [Fact]
    public void ToJson_ThenParse_RoundTrips()
    {
        // Arrange
        var original = DatasetFields.Parse(Body($$"""{"name":"n","schemaRef":{"id":"{{Schema}}"},"tags":{"a":["1","2"]},"observableSchema":{"type":"object"},"state":"X","extra":5}"""));

        // Act
        var again = DatasetFields.Parse(original.ToJson());

        // Assert
        Assert.Equal(original.ToJson().ToJsonString(), again.ToJson().ToJsonString());
    }

    [Theory]
    [InlineData("""{"name":"x"}""", "schemaRef")]
    [InlineData("""{"schemaRef":"https://ns.adobe.com/x"}""", "schemaRef")]
    [InlineData("""{"schemaRef":{"contentType":"application/vnd.adobe.xed+json"}}""", "schemaRef.id")]
    [InlineData("""{"schemaRef":{"id":""}}""", "schemaRef.id")]
    [InlineData("""{"schemaRef":{"id":42}}""", "schemaRef.id")]
    [InlineData("""{"schemaRef":{"id":"s","contentType":"text/html"}}""", "schemaRef.contentType")]
    [InlineData("""{"schemaRef":{"id":"s"},"name":7}""", "name")]
    [InlineData("""{"schemaRef":{"id":"s"},"name":["a"]}""", "name")]
    [InlineData("""{"schemaRef":{"id":"s"},"description":{}}""", "description")]
    [InlineData("""{"schemaRef":{"id":"s"},"tags":["a"]}""", "tags")]
    [InlineData("""{"schemaRef":{"id":"s"},"tags":{"a":"enabled:true"}}""", "tags.a")]
    [InlineData("""{"schemaRef":{"id":"s"},"tags":{"a":[1]}}""", "tags.a")]
    [InlineData("""{"schemaRef":{"id":"s"},"tags":{"":["x"]}}""", "tags")]
    [InlineData("""{"schemaRef":{"id":"s"},"enableErrorDiagnostics":"yes"}""", "enableErrorDiagnostics")]
    [InlineData("""{"schemaRef":{"id":"s"},"fileDescription":"csv"}""", "fileDescription")]
    [InlineData("""{"schemaRef":{"id":"s"},"fileDescription":{"format":"xlsx"}}""", "fileDescription.format")]
    [InlineData("""{"schemaRef":{"id":"s"},"fileDescription":{"delimiters":[",;"]}}""", "fileDescription.delimiters")]
    [InlineData("""{"schemaRef":{"id":"s"},"fileDescription":{"header":"true"}}""", "fileDescription.header")]
    [InlineData("""{"schemaRef":{"id":"s"},"fileDescription":{"charset":"EBCDIC"}}""", "fileDescription.charset")]
    [InlineData("""{"schemaRef":{"id":"s"},"observableSchema":[]}""", "observableSchema")]
    [InlineData("""{"schemaRef":{"id":"s"},"dataSourceId":"7"}""", "dataSourceId")]
    [InlineData("""{"schemaRef":{"id":"s"},"bad name":1}""", "bad name")]
    [InlineData("""{"schemaRef":{"id":"s"},"name":"a\u0000b"}""", "NUL")]
    [InlineData("""{"schemaRef":{"id":"s"},"x":{"k\u0000":1}}""", "NUL")]
    [InlineData("""{"schemaRef":{"id":"s"},"name":"\ud800"}""", "surrogate")]
    public void Parse_InvalidBody_Throws400NamingTheField(string json, string mentions)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => DatasetFields.Parse(Body(json)));

        // Assert
        Assert.Same(ErrorCatalog.Catalog.InvalidObject, ex.Error);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeepNesting_Throws400()
    {
        // Arrange
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);

        // Act
        var ex = Assert.Throws<AepException>(() => DatasetFields.Parse(Body($$$"""{"schemaRef":{"id":"s"},"x":{{{deep}}}}""")));

        // Assert
        Assert.Contains("nests deeper", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HostileTextThatIsValidJson_KeptVerbatim()
    {
        // Arrange
        const string Hostile = "<script>alert(1)</script>'; DROP TABLE catalog_datasets; --\u202e";

        // Act
        var sut = DatasetFields.Parse(new JsonObject { ["schemaRef"] = new JsonObject { ["id"] = "s" }, ["name"] = Hostile });

        // Assert
        Assert.Equal(Hostile, sut.Name);
    }

    [Theory]
    [InlineData("enabled:true", true)]
    [InlineData("enabled: true", true)]
    [InlineData("ENABLED:TRUE", true)]
    [InlineData("enabled:false", false)]
    [InlineData("isUpsert:true", false)]
    public void Tags_ProfileSwitch_ReadsEnabledTrue(string value, bool expected)
    {
        // Act
        var tags = CatalogTags.Parse(JsonNode.Parse($$"""{"unifiedProfile":["{{value}}"]}"""));

        // Assert
        Assert.Equal(expected, tags.ProfileEnabled);
        Assert.False(tags.IdentityEnabled);
    }

    [Theory]
    [InlineData("""{"name":"a","name":"b"}""", "'name'")]
    [InlineData("""{"x":{"k":1,"k":2}}""", "'k'")]
    [InlineData("""[{"op":"add","op":"remove"}]""", "'op'")]
    public void EnsureUnambiguous_DuplicateProperty_Throws400NamingIt(string json, string mentions)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => CatalogJson.EnsureUnambiguous(JsonNode.Parse(json)));

        // Assert
        Assert.Same(ErrorCatalog.Catalog.InvalidObject, ex.Error);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
    }

    private static JsonObject Body(string json) => JsonNode.Parse(json)!.AsObject();
}
