using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Ingestion;

namespace ProfilePlatform.Domain.Tests.Ingestion;

public sealed class ContentRangeTests
{
    [Theory]
    [InlineData("bytes 0-99/1000", 0, 99, 1000L)]
    [InlineData("bytes 100-199/*", 100, 199, null)]
    [InlineData("bytes 5-9", 5, 9, null)]
    [InlineData("bytes=0-0/1", 0, 0, 1L)]
    [InlineData(" 7-8 ", 7, 8, null)]
    public void Parse_Forms_ReadFirstLastTotal(string header, long first, long last, long? total)
    {
        // Act
        var sut = ContentRange.Parse(header);

        // Assert
        Assert.Equal((first, last, total), (sut.First, sut.Last, sut.Total));
        Assert.Equal(last - first + 1, sut.Length);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("bytes a-b/10", "bytes {first}-{last}/{total}")]
    [InlineData("bytes 9-3/10", "first <= last")]
    [InlineData("bytes -3/10", "bytes {first}-{last}/{total}")]
    [InlineData("bytes 0-9/5", "total size")]
    [InlineData("bytes 0-9/x", "total size")]
    public void Parse_Broken_Throws400(string? header, string mentions)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => ContentRange.Parse(header));

        // Assert
        Assert.Equal(ErrorCatalog.Ingestion.InvalidRequest, ex.Error);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
    }
}
