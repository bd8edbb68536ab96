using ProfilePlatform.Domain.Catalog;

namespace ProfilePlatform.Domain.Tests.Catalog;

public sealed class CatalogIdsTests
{
    [Fact]
    public void NewObjectId_Is24LowercaseHexStartingWithTheSeconds()
    {
        // Arrange
        var now = DateTimeOffset.FromUnixTimeSeconds(0x5c8c3c55);

        // Act
        var id = CatalogIds.NewObjectId(now);

        // Assert
        Assert.Matches("^[0-9a-f]{24}$", id);
        Assert.StartsWith("5c8c3c55", id, StringComparison.Ordinal);
        Assert.NotEqual(id, CatalogIds.NewObjectId(now));
    }

    [Fact]
    public void NewUlid_Is26CrockfordCharactersSortingByTime()
    {
        // Arrange
        var earlier = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

        // Act
        var a = CatalogIds.NewUlid(earlier);
        var b = CatalogIds.NewUlid(earlier.AddMilliseconds(1));

        // Assert
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{26}$", a);
        Assert.True(string.CompareOrdinal(a, b) < 0, $"{a} should sort before {b}");
        Assert.Equal("01HF", a[..4]); // 1.7e12 ms in the ULID time prefix
    }

    [Theory]
    [InlineData("5c8c3c555033b814b69f947f", true)]
    [InlineData("01E8043CY305K2MTV5ANH9G1GC-1", true)]
    [InlineData("", false)]
    [InlineData("a/b", false)]
    [InlineData("a b", false)]
    [InlineData("<script>", false)]
    public void IsPlausible_AcceptsCatalogIdShapesOnly(string id, bool expected)
    {
        // Act / Assert
        Assert.Equal(expected, CatalogIds.IsPlausible(id));
    }

    [Fact]
    public void IsPlausible_HugeId_False()
    {
        // Act / Assert
        Assert.False(CatalogIds.IsPlausible(new string('a', 129)));
    }

    [Theory]
    [InlineData("1.0.0", "1.0.1")]
    [InlineData("1.0.9", "1.0.10")]
    [InlineData("2.3.116", "2.3.117")]
    [InlineData("garbage", "1.0.0")]
    public void CatalogVersion_Next_RaisesPatch(string version, string expected)
    {
        // Act / Assert
        Assert.Equal(expected, CatalogVersion.Next(version));
    }
}
