using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Ingestion;

namespace ProfilePlatform.Domain.Tests.Ingestion;

public sealed class BatchFilePathTests
{
    [Theory]
    [InlineData("profiles.json")]
    [InlineData("2024/01/profiles.json")]
    [InlineData("a b/c.d.json")]
    [InlineData("ünï/😀.json")]
    public void Validate_PlainRelativePath_Accepted(string path)
    {
        // Act
        var sut = BatchFilePath.Validate(path);

        // Assert
        Assert.Equal(path, sut);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("../etc/passwd", "'..'")]
    [InlineData("a/../../b", "'..'")]
    [InlineData("./a", "'.'")]
    [InlineData("/abs.json", "empty folder name")]
    [InlineData("a//b", "empty folder name")]
    [InlineData("a/", "empty folder name")]
    [InlineData("a\\b", "backslash")]
    [InlineData("a\u0001b", "control character")]
    [InlineData("a%2F..%2Fb", "encoded slash")]
    [InlineData("a/ /b", "blank")]
    public void Validate_HostileOrBrokenPath_Throws400NamingTheProblem(string path, string mentions)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => BatchFilePath.Validate(path));

        // Assert
        Assert.Equal(400, ex.Error.Status);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooLong_Throws()
    {
        // Act
        var ex = Assert.Throws<AepException>(() => BatchFilePath.Validate(new string('a', BatchFilePath.MaxLength + 1)));

        // Assert
        Assert.Contains("at most 1024", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LoneSurrogate_Throws()
    {
        // Act / Assert
        Assert.Throws<AepException>(() => BatchFilePath.Validate("a\ud800b"));
    }
}
