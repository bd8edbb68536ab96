using System.Text;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Domain.SchemaRegistry.Validation;

namespace ProfilePlatform.Domain.Tests.Ingestion;

public sealed class RecordCheckTests
{
    /// <summary>A composed schema (xed-full form) with the field kinds conversion cares about.</summary>
    internal static readonly JsonObject Composed = JsonNode.Parse("""
        {"$id":"https://ns.adobe.com/acme/schemas/test","type":"object","properties":{
          "_acme":{"type":"object","properties":{
            "id":{"type":"string"},
            "points":{"type":"integer","meta:xdmType":"int"},
            "score":{"type":"number"},
            "vip":{"type":"boolean"},
            "joined":{"type":"string","format":"date"},
            "seen":{"type":"string","format":"date-time"},
            "tags":{"type":"array","items":{"type":"string"}},
            "attrs":{"type":"object","meta:xdmType":"map","additionalProperties":{"type":"integer"}}
          },"required":["id"]}}}
        """)!.AsObject();

    private readonly RecordCheck _sut = new(XdmRecordValidator.Compile(Composed), IngestionSchema.From(Composed));

    [Fact]
    public void Check_ValidRecord_AcceptedAsSent()
    {
        // Arrange
        var json = """{"_acme":{"id":"a","points":1}}""";

        // Act
        var result = _sut.Check(Record(json));

        // Assert
        Assert.True(result.IsAccepted);
        Assert.Equal(json, Encoding.UTF8.GetString(result.Json.Span));
    }

    [Fact]
    public void Check_ValidRecordOnSeveralLines_StoredOnOneLine()
    {
        // Act
        var result = _sut.Check(Record("{\n  \"_acme\": {\"id\": \"a\"}\n}"));

        // Assert
        Assert.True(result.IsAccepted);
        Assert.Equal("""{"_acme":{"id":"a"}}""", Encoding.UTF8.GetString(result.Json.Span));
    }

    [Fact]
    public void Check_ConvertibleValues_AcceptedConverted()
    {
        // Arrange
        var json = """{"_acme":{"id":7,"points":"42","score":"1.5","joined":1531263959000,"seen":"2018-07-10 15:05:59","tags":["x"],"attrs":{"a":"3"},"vip":null}}""";

        // Act
        var result = _sut.Check(Record(json));

        // Assert
        Assert.True(result.IsAccepted, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal(
            """{"_acme":{"id":"7","points":42,"score":1.5,"joined":"2018-07-10","seen":"2018-07-10T15:05:59Z","tags":["x"],"attrs":{"a":3}}}""",
            Encoding.UTF8.GetString(result.Json.Span));
    }

    [Theory]
    [InlineData("""{"_acme":{"id":"a","vip":"true"}}""", "1501", "/_acme/vip")]
    [InlineData("""{"_acme":{"id":"a","points":4.5}}""", "1501", "/_acme/points")]
    [InlineData("""{"_acme":{"id":"a","points":3000000000}}""", "1501", "/_acme/points")]
    [InlineData("""{"_acme":{"points":1}}""", "1555", "/_acme/id")]
    [InlineData("""{"_acme":{"id":"a","other":1}}""", "1501", "/_acme/other")]
    [InlineData("""{"_acme":""", "1401", "")]
    public void Check_BadRecord_RefusedWithCodeAndPath(string json, string code, string path)
    {
        // Act
        var result = _sut.Check(Record(json));

        // Assert
        Assert.False(result.IsAccepted);
        Assert.Contains(result.Problems, p => p.Code == code && p.Path == path);
    }

    [Fact]
    public void Check_UnreadableSourceRecord_KeepsItsProblems()
    {
        // Arrange
        var problem = new RowProblem(IngestionErrorCodes.RowCorrupted, "syntax", "", "bad row");

        // Act
        var result = _sut.Check(new SourceRecord(3, ReadOnlyMemory<byte>.Empty, [problem], "a,b"));

        // Assert
        Assert.False(result.IsAccepted);
        Assert.Same(problem, Assert.Single(result.Problems));
    }

    private static SourceRecord Record(string json) => new(1, Encoding.UTF8.GetBytes(json), []);
}
