using System.Text;
using ProfilePlatform.Domain.Ingestion;

namespace ProfilePlatform.Domain.Tests.Ingestion;

public sealed class RecordReadersTests
{
    [Fact]
    public async Task JsonLines_BlankLinesBomAndCrLf_RowsAreLineNumbers()
    {
        // Arrange
        var text = "\uFEFF{\"a\":1}\r\n\r\n  {\"b\":2}  \n{\"c\":3}";
        await using var sut = new JsonLinesReader(Stream(text));

        // Act
        var records = await ReadAll(sut);

        // Assert
        Assert.Equal([(1L, "{\"a\":1}"), (3L, "{\"b\":2}"), (4L, "{\"c\":3}")], records);
    }

    [Fact]
    public async Task JsonLines_LinesAcrossBufferBoundaries_AreWhole()
    {
        // Arrange: 3 MB of lines, so lines straddle the 1 MB buffer.
        var lines = Enumerable.Range(0, 30_000).Select(i => $"{{\"i\":{i},\"pad\":\"{new string('x', 90)}\"}}").ToList();
        await using var sut = new JsonLinesReader(Stream(string.Join("\n", lines) + "\n"));

        // Act
        var records = await ReadAll(sut);

        // Assert
        Assert.Equal(lines.Count, records.Count);
        Assert.Equal(lines, records.Select(r => r.Json));
        Assert.Equal(30_000, records[^1].Row);
    }

    [Fact]
    public async Task MultiLine_ArrayOfPrettyRecords_OneRecordEach()
    {
        // Arrange
        var text = "[\n  {\"a\": 1,\n   \"b\": [1, 2]},\n  {\"c\": {\"d\": \"e\"}}\n]\n";
        await using var sut = new MultiLineJsonReader(Stream(text));

        // Act
        var records = await ReadAll(sut);

        // Assert
        Assert.Equal(2, records.Count);
        Assert.Equal("{\"a\": 1,\n   \"b\": [1, 2]}", records[0].Json);
        Assert.Equal((2L, "{\"c\": {\"d\": \"e\"}}"), records[1]);
    }

    [Fact]
    public async Task MultiLine_ConcatenatedDocumentsAndEmptyArray()
    {
        // Act
        var docs = await ReadAll(new MultiLineJsonReader(Stream("{\"a\":1}\n{\n\"b\":2\n}{\"c\":3}")));
        var empty = await ReadAll(new MultiLineJsonReader(Stream("  [ ]  ")));

        // Assert
        Assert.Equal(["{\"a\":1}", "{\n\"b\":2\n}", "{\"c\":3}"], docs.Select(d => d.Json));
        Assert.Empty(empty);
    }

    [Theory]
    [InlineData("[{\"a\":1} {\"b\":2}]", "',' or ']' was expected")]
    [InlineData("[{\"a\":1},", "not closed")]
    [InlineData("{\"a\":", "record 1 (line 1)")]
    [InlineData("[{\"a\":1}] x", "follows the closing")]
    [InlineData("{\"a\" 1}", "record 1")]
    public async Task MultiLine_Broken_ThrowsFileErrorNamingTheRecord(string text, string mentions)
    {
        // Arrange
        await using var sut = new MultiLineJsonReader(Stream(text));

        // Act
        var ex = await Assert.ThrowsAsync<IngestionFileException>(() => ReadAll(sut));

        // Assert
        Assert.Equal(IngestionErrorCodes.UnreadableFile, ex.Code);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MultiLine_BigRecordAcrossBuffers_IsWhole()
    {
        // Arrange
        var big = "{\"pad\":\"" + new string('y', 3 * 1024 * 1024) + "\"}";
        await using var sut = new MultiLineJsonReader(Stream("[" + big + "," + big + "]"));

        // Act
        var records = await ReadAll(sut);

        // Assert
        Assert.Equal([big, big], records.Select(r => r.Json));
    }

    internal static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    internal static async Task<List<(long Row, string Json)>> ReadAll(IRecordReader reader)
    {
        var records = new List<(long, string)>();
        while (await reader.ReadAsync(CancellationToken.None))
        {
            records.Add((reader.Current.Row, Encoding.UTF8.GetString(reader.Current.Json.Span)));
        }

        return records;
    }
}
