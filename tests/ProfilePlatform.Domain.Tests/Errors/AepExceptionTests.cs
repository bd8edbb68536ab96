using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Tests.Errors;

public sealed class AepExceptionTests
{
    [Fact]
    public void Ctor_ErrorOnly_UsesTitleAsMessage()
    {
        // Act
        var sut = new AepException(ErrorCatalog.Sandboxes.NotFound);

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.NotFound, sut.Error);
        Assert.Equal("Sandbox not found", sut.Message);
        Assert.Empty(sut.SubErrors);
    }

    [Fact]
    public void Ctor_ErrorDetailAndSubErrors_KeepsAll()
    {
        // Arrange
        string[] subErrors = ["'name' is required", "'type' is invalid"];

        // Act
        var sut = new AepException(ErrorCatalog.Sandboxes.InvalidRequest, "Two problems.", subErrors);

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidRequest, sut.Error);
        Assert.Equal("Two problems.", sut.Message);
        Assert.Equal(subErrors, sut.SubErrors);
    }

    [Fact]
    public void Ctor_NoArguments_IsInternal500()
    {
        // Act
        var sut = new AepException();

        // Assert
        Assert.Same(ErrorCatalog.Common.Internal, sut.Error);
        Assert.Equal(500, sut.Error.Status);
        Assert.Equal("InternalServerError", sut.Message);
        Assert.Empty(sut.SubErrors);
    }

    [Fact]
    public void Ctor_MessageOnly_IsInternalWithMessage()
    {
        // Act
        var sut = new AepException("boom");

        // Assert
        Assert.Same(ErrorCatalog.Common.Internal, sut.Error);
        Assert.Equal("boom", sut.Message);
    }

    [Fact]
    public void Ctor_MessageAndInner_IsInternalWithInner()
    {
        // Arrange
        var inner = new InvalidOperationException("inner");

        // Act
        var sut = new AepException("outer", inner);

        // Assert
        Assert.Same(ErrorCatalog.Common.Internal, sut.Error);
        Assert.Same(inner, sut.InnerException);
        Assert.Equal("outer", sut.Message);
        Assert.Empty(sut.SubErrors);
    }
}
