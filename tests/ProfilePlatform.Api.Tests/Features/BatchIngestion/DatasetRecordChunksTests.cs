using System.Text;
using ProfilePlatform.Infrastructure.Ingestion;

namespace ProfilePlatform.Api.Tests.Features.BatchIngestion;

/// <summary>How landed records are cut into chunk rows and read back (no database needed).</summary>
public sealed class DatasetRecordChunksTests
{
    [Fact]
    public async Task Cut_ThenLines_SameRecordsInOrder_ChunksNeverSpanFiles()
    {
        // Arrange: 2,500 records of file 0 (rows with gaps), then 3 of file 1; non-ASCII and escaped newlines included
        var records = Enumerable.Range(0, 2500).Select(i => Landed(0, i * 2L, $$"""{"n":{{i}},"s":"é\n\"x"}"""))
            .Concat(Enumerable.Range(0, 3).Select(i => Landed(1, i, $$"""{"f":1,"n":{{i}}}""")))
            .ToList();

        // Act
        var chunks = await Cut(records);

        // Assert
        Assert.Equal([(0, 0L, 1000), (0, 2000L, 1000), (0, 4000L, 500), (1, 0L, 3)], chunks.Select(c => (c.FileIndex, c.FirstRow, c.Count)));
        Assert.All(chunks, c => Assert.Equal(c.Count, DatasetRecordChunks.Lines(c.Bytes).Count()));
        Assert.Equal(records.Select(r => Encoding.UTF8.GetString(r.Json.Span)), chunks.SelectMany(c => DatasetRecordChunks.Lines(c.Bytes)));
    }

    [Fact]
    public async Task Cut_RecordsOverTheByteLimit_StartANewChunk_AndAnOversizedRecordStandsAlone()
    {
        // Arrange: three records of 400 KiB (two fit in 1 MiB, three do not), then one of 1.5 MiB, then a small one
        var big = new string('a', 400 * 1024);
        var huge = new string('b', 1536 * 1024);
        LandedRecord[] records =
        [
            Landed(0, 1, $$"""{"v":"{{big}}"}"""), Landed(0, 2, $$"""{"v":"{{big}}"}"""), Landed(0, 3, $$"""{"v":"{{big}}"}"""),
            Landed(0, 4, $$"""{"v":"{{huge}}"}"""), Landed(0, 5, """{"v":1}"""),
        ];

        // Act
        var chunks = await Cut(records);

        // Assert
        Assert.Equal([(1L, 2), (3L, 1), (4L, 1), (5L, 1)], chunks.Select(c => (c.FirstRow, c.Count)));
        Assert.All(chunks.Where(c => c.Count > 1), c => Assert.True(c.Bytes.Length <= DatasetRecordChunks.MaxBytes));
        Assert.Equal(records.Select(r => Encoding.UTF8.GetString(r.Json.Span)), chunks.SelectMany(c => DatasetRecordChunks.Lines(c.Bytes)));
    }

    [Fact]
    public async Task Cut_NoRecords_NoChunk()
    {
        Assert.Empty(await Cut([]));
    }

    private static LandedRecord Landed(int file, long row, string json) => new(file, row, Encoding.UTF8.GetBytes(json));

    private static async Task<List<(int FileIndex, long FirstRow, int Count, byte[] Bytes)>> Cut(IReadOnlyList<LandedRecord> records)
    {
        var chunks = new List<(int, long, int, byte[])>();
        await DatasetRecordChunks.CutAsync(records, chunk =>
        {
            // The buffer is reused after the call: keep a copy, as a writer sends it before returning.
            chunks.Add((chunk.FileIndex, chunk.FirstRow, chunk.RecordCount, chunk.Records.ToArray()));
            return Task.CompletedTask;
        });
        return chunks;
    }
}
