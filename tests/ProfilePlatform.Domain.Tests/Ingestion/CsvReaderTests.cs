using System.Text;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Ingestion;

namespace ProfilePlatform.Domain.Tests.Ingestion;

public sealed class CsvReaderTests
{
    [Fact]
    public async Task Rows_QuotesEscapesLineBreaksAndBlankLines()
    {
        // Arrange
        var text = "a,b,c\r\n\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n\"esc \\\"q\\\"\",,last\n";
        using var sut = new CsvRowReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), CsvOptions.Default);

        // Act
        var rows = new List<(long Line, string[] Fields)>();
        while (await sut.ReadAsync(CancellationToken.None))
        {
            rows.Add((sut.Line, [.. sut.Fields]));
        }

        // Assert
        Assert.Equal(3, rows.Count);
        Assert.Equal(1L, rows[0].Line);
        Assert.Equal(new[] { "a", "b", "c" }, rows[0].Fields);
        Assert.Equal(new[] { "x,1", "say \"hi\"", "two\nlines" }, rows[1].Fields);
        Assert.Equal(3L, rows[1].Line);
        Assert.Equal(new[] { "esc \"q\"", "", "last" }, rows[2].Fields);
        Assert.Equal(5L, rows[2].Line);
    }

    [Fact]
    public async Task Rows_UnclosedQuote_IsAProblemNotTheRestOfTheFile()
    {
        // Arrange
        using var sut = new CsvRowReader(new MemoryStream(Encoding.UTF8.GetBytes("a\n\"open\nmore")), CsvOptions.Default);

        // Act
        await sut.ReadAsync(CancellationToken.None);
        await sut.ReadAsync(CancellationToken.None);

        // Assert
        Assert.Contains("not closed", sut.Problem, StringComparison.Ordinal);
        Assert.False(await sut.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Records_HeaderMappedAndCellsTyped()
    {
        // Arrange
        var schema = IngestionSchema.From(RecordCheckTests.Composed);
        var csv = "_acme.id;_acme/points;_acme.vip;_acme.seen\nx;12;TRUE;1531263959000\ny;;;\n";
        await using var sut = new CsvRecordReader(new MemoryStream(Encoding.Latin1.GetBytes(csv)), new CsvOptions(Delimiter: ';', Charset: "ISO-8859-1"), schema);

        // Act
        var records = new List<string>();
        while (await sut.ReadAsync(CancellationToken.None))
        {
            records.Add(Encoding.UTF8.GetString(sut.Current.Json.Span));
        }

        // Assert
        Assert.Equal("""{"_acme":{"id":"x","points":12,"vip":true,"seen":"2018-07-10T23:05:59Z"}}""", records[0]);
        Assert.Equal("""{"_acme":{"id":"y"}}""", records[1]);
        Assert.NotNull(JsonNode.Parse(records[0]));
    }

    [Theory]
    [InlineData("_acme.nope\n1\n", IngestionErrorCodes.HeaderMismatch, "'_acme.nope' is not a field")]
    [InlineData("_acme.tags\n1\n", IngestionErrorCodes.HeaderMismatch, "an array")]
    [InlineData(" \n1\n", IngestionErrorCodes.EmptyCsvHeader, "empty header row")]
    public async Task Records_BadHeader_ThrowsFileError(string csv, string code, string mentions)
    {
        // Arrange
        await using var sut = new CsvRecordReader(new MemoryStream(Encoding.UTF8.GetBytes(csv)), CsvOptions.Default, IngestionSchema.From(RecordCheckTests.Composed));

        // Act
        var ex = await Assert.ThrowsAsync<IngestionFileException>(async () => await sut.ReadAsync(CancellationToken.None));

        // Assert
        Assert.Equal(code, ex.Code);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
    }
}
