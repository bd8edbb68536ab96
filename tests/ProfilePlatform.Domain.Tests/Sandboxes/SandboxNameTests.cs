using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Sandboxes;

namespace ProfilePlatform.Domain.Tests.Sandboxes;

public sealed class SandboxNameTests
{
    [Theory]
    [InlineData("prod")]
    [InlineData("acme-dev")]
    [InlineData("a")]
    [InlineData("7")]
    [InlineData("dev2")]
    [InlineData("a-b-c")]
    [InlineData("a--b")]
    [InlineData("2024-q1")]
    public void Validate_ValidName_DoesNotThrow(string name)
    {
        // Arrange / Act
        var ex = Record.Exception(() => SandboxName.Validate(name));

        // Assert
        Assert.Null(ex);
    }

    [Fact]
    public void Validate_NameOfMaxLength_DoesNotThrow()
    {
        // Arrange
        var name = new string('a', SandboxName.MaxLength);

        // Act
        var ex = Record.Exception(() => SandboxName.Validate(name));

        // Assert
        Assert.Equal(64, name.Length);
        Assert.Null(ex);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public void Validate_EmptyOrBlank_ThrowsInvalidNameSayingRequired(string name)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => SandboxName.Validate(name));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidName, ex.Error);
        Assert.Equal(400, ex.Error.Status);
        Assert.Contains("'name'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Null_ThrowsInvalidName()
    {
        // Act
        var ex = Assert.Throws<AepException>(() => SandboxName.Validate(null));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidName, ex.Error);
        Assert.Contains("'name'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme dev")]
    [InlineData(" prod")]
    [InlineData("prod ")]
    [InlineData("Prod")]
    [InlineData("ACME")]
    [InlineData("-prod")]
    [InlineData("prod-")]
    [InlineData("-")]
    [InlineData("acme_dev")]
    [InlineData("acme.dev")]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("caf\u00e9")]
    [InlineData("\u0430cme")] // Cyrillic 'а' that looks like a Latin 'a'
    [InlineData("\u0661\u0662")] // Arabic-Indic digits: \d would accept them, [0-9] must not
    [InlineData("acme\tdev")]
    public void Validate_InvalidCharactersOrShape_ThrowsInvalidNameNamingField(string name)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => SandboxName.Validate(name));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidName, ex.Error);
        Assert.Equal(400, ex.Error.Status);
        Assert.Contains("'name'", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{name}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NameOneOverMaxLength_ThrowsInvalidNameStatingLimit()
    {
        // Arrange
        var name = new string('a', SandboxName.MaxLength + 1);

        // Act
        var ex = Assert.Throws<AepException>(() => SandboxName.Validate(name));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidName, ex.Error);
        Assert.Contains("'name'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1-64", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme\n")]
    [InlineData("prod\n")]
    public void Validate_TrailingNewline_ThrowsInvalidName(string name)
    {
        // Act
        var ex = Record.Exception(() => SandboxName.Validate(name));

        // Assert
        var aep = Assert.IsType<AepException>(ex);
        Assert.Same(ErrorCatalog.Sandboxes.InvalidName, aep.Error);
    }

    [Fact]
    public void Default_IsProd()
    {
        // Act
        var ex = Record.Exception(() => SandboxName.Validate(SandboxName.Default));

        // Assert
        Assert.Equal("prod", SandboxName.Default);
        Assert.Null(ex);
    }
}
