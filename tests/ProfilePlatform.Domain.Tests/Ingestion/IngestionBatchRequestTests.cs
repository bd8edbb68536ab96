using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Ingestion;

namespace ProfilePlatform.Domain.Tests.Ingestion;

public sealed class IngestionBatchRequestTests
{
    [Fact]
    public void Parse_FullBody_ReadsEveryOption()
    {
        // Arrange
        var body = JsonNode.Parse("""
            {"datasetId":"5c8c3c555033b814b69f947f","inputFormat":{"format":"CSV","delimiter":";","header":true},
             "enableErrorDiagnostics":false,"partialIngestionPercent":2.5,"externalId":"ext-1","tags":{"src":["crm"]}}
            """)!.AsObject();

        // Act
        var sut = IngestionBatchRequest.Parse(body);
        var tags = sut.BatchTags("client-1");

        // Assert
        Assert.Equal("5c8c3c555033b814b69f947f", sut.DataSetId);
        Assert.Equal(IngestionFormat.Csv, sut.Format);
        Assert.Equal("csv", sut.InputFormat.Format);
        Assert.Equal(";", sut.InputFormat.Delimiter);
        Assert.True(sut.ErrorDiagnostics); // a threshold switches diagnostics on
        Assert.Equal(2.5m, sut.PartialIngestionPercent);
        Assert.Equal("ext-1", sut.ExternalId);
        Assert.Equal(["crm"], tags["src"]!);
        Assert.Equal(["client-1"], tags[IngestionTags.Producer]!);
        Assert.Equal(["2.5"], tags[IngestionTags.PartialIngestionPercent]!);
        Assert.True(IngestionTags.DiagnosticsEnabled(tags));
        Assert.Equal(2.5m, IngestionTags.PartialPercent(tags));
    }

    [Fact]
    public void Parse_NoInputFormat_IsParquetWithoutOptions()
    {
        // Act
        var sut = IngestionBatchRequest.Parse(JsonNode.Parse("""{"datasetId":"ds1"}""")!.AsObject());

        // Assert
        Assert.Equal(IngestionFormat.Parquet, sut.Format);
        Assert.False(sut.ErrorDiagnostics);
        Assert.Null(sut.PartialIngestionPercent);
        Assert.Null(IngestionTags.PartialPercent(sut.BatchTags("c")));
    }

    [Theory]
    [InlineData("""{"datasetId":"a","datasetId":"b"}""", "twice")]
    [InlineData("""{"datasetId":5}""", "must be a string")]
    [InlineData("""{"datasetId":"a","inputFormat":{"format":"json","charset":"EBCDIC"}}""", "charset")]
    [InlineData("""{"datasetId":"a","partialIngestionPercentage":-1}""", "0 to 100")]
    [InlineData("""{"datasetId":"a","externalId":""}""", "1 to 256")]
    [InlineData("""{"datasetId":"a","tags":{"t":"x"}}""", "array of strings")]
    public void Parse_Invalid_ThrowsIngestion400(string json, string mentions)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => IngestionBatchRequest.Parse(JsonNode.Parse(json)!.AsObject()));

        // Assert
        Assert.Equal(ErrorCatalog.Ingestion.InvalidRequest, ex.Error);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
    }
}
