using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Ingestion;

namespace ProfilePlatform.Domain.Tests.Ingestion;

public sealed class LargeFileAssemblyTests
{
    [Fact]
    public void Check_PartsTilingTheFileInAnyOrder_ReturnsSize()
    {
        // Act
        var size = LargeFileAssembly.Check("f", [(10, 5), (0, 10), (15, 1)], announcedTotal: 16);

        // Assert
        Assert.Equal(16, size);
    }

    [Fact]
    public void Check_NoParts_IsAnEmptyFile()
    {
        // Act / Assert
        Assert.Equal(0, LargeFileAssembly.Check("f", [], null));
    }

    [Theory]
    [InlineData(new long[] { 0, 10, 12, 4 }, null, "missing bytes 10-11")]
    [InlineData(new long[] { 2, 4 }, null, "missing bytes 0-1")]
    [InlineData(new long[] { 0, 10, 5, 10 }, null, "overlapping parts at byte 5")]
    [InlineData(new long[] { 0, 10 }, 20L, "announced 20")]
    public void Check_GapOverlapOrShort_Throws400(long[] flat, long? total, string mentions)
    {
        // Arrange
        var pieces = flat.Chunk(2).Select(p => (p[0], p[1])).ToList();

        // Act
        var ex = Assert.Throws<AepException>(() => LargeFileAssembly.Check("big.json", pieces, total));

        // Assert
        Assert.Equal(ErrorCatalog.Ingestion.InvalidFile, ex.Error);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
        Assert.Contains("big.json", ex.Message, StringComparison.Ordinal);
    }
}
