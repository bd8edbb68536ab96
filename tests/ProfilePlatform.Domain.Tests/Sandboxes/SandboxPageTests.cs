using ProfilePlatform.Domain.Sandboxes;

namespace ProfilePlatform.Domain.Tests.Sandboxes;

public sealed class SandboxPageTests
{
    [Theory]
    [InlineData(0, 2, 5, true)]
    [InlineData(3, 2, 5, false)]
    [InlineData(0, 0, 0, false)]
    [InlineData(10, 0, 3, false)]
    [InlineData(0, 1, 1, false)]
    public void HasMore_OffsetCountAndTotal_TrueOnlyWhenRowsRemain(int offset, int count, int total, bool expected)
    {
        // Arrange
        var sandboxes = Enumerable.Range(0, count)
            .Select(i => Sandbox.Create("ORG@AdobeOrg", $"s{i}", "T", "development", "VA7", "by", DateTimeOffset.UnixEpoch))
            .ToList();

        // Act
        var sut = new SandboxPage(sandboxes, offset, 50, total);

        // Assert
        Assert.Equal(expected, sut.HasMore);
    }
}
