using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Sandboxes;

namespace ProfilePlatform.Domain.Tests.Sandboxes;

public sealed class SandboxTests
{
    private const string Org = "ACME0000000000000000000A@AdobeOrg";
    private const string Region = "VA7";
    private const string Creator = "tech-account-1@techacct.adobe.com";
    private const string Editor = "tech-account-2@techacct.adobe.com";

    private static readonly DateTimeOffset T0 = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = T0.AddMinutes(5);
    private static readonly DateTimeOffset T2 = T0.AddMinutes(10);

    [Theory]
    [InlineData("production", SandboxType.Production)]
    [InlineData("development", SandboxType.Development)]
    public void Create_KnownType_ParsesType(string type, SandboxType expected)
    {
        // Act
        var sut = Sandbox.Create(Org, "acme-dev", "Acme Dev", type, Region, Creator, T0);

        // Assert
        Assert.Equal(expected, sut.Type);
        Assert.Equal(type, sut.Type.ToWire());
    }

    [Fact]
    public void Create_ValidInput_SetsEveryField()
    {
        // Act
        var sut = Sandbox.Create(Org, "acme-dev", "Acme Dev", "development", Region, Creator, T0);

        // Assert
        Assert.NotEqual(Guid.Empty, sut.Id);
        Assert.Equal(Org, sut.ImsOrg);
        Assert.Equal("acme-dev", sut.Name);
        Assert.Equal("Acme Dev", sut.Title);
        Assert.Equal(SandboxState.Active, sut.State);
        Assert.True(sut.IsLive);
        Assert.False(sut.IsDefault);
        Assert.Equal(Region, sut.Region);
        Assert.Equal(1, sut.ETag);
        Assert.Equal(T0, sut.CreatedDate);
        Assert.Equal(T0, sut.LastModifiedDate);
        Assert.Equal(Creator, sut.CreatedBy);
        Assert.Equal(Creator, sut.ModifiedBy);
    }

    [Fact]
    public void Create_TwoSandboxes_GetDistinctIds()
    {
        // Act
        var a = Sandbox.Create(Org, "a", "A", "development", Region, Creator, T0);
        var b = Sandbox.Create(Org, "a", "A", "development", Region, Creator, T0);

        // Assert
        Assert.NotEqual(a.Id, b.Id);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("DEVELOPMENT")]
    [InlineData("dev")]
    [InlineData("sandbox")]
    [InlineData("")]
    [InlineData(" production")]
    public void Create_UnknownType_ThrowsInvalidTypeNamingField(string type)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => Sandbox.Create(Org, "acme-dev", "Acme Dev", type, Region, Creator, T0));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidType, ex.Error);
        Assert.Equal(400, ex.Error.Status);
        Assert.Contains("'type'", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{type}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'development'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NullType_ThrowsInvalidType()
    {
        // Act
        var ex = Assert.Throws<AepException>(() => Sandbox.Create(Org, "acme-dev", "Acme Dev", null, Region, Creator, T0));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidType, ex.Error);
        Assert.Contains("'type'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UpperCaseName_ThrowsInvalidName()
    {
        // Act
        var ex = Assert.Throws<AepException>(() => Sandbox.Create(Org, "Acme", "Acme Dev", "development", Region, Creator, T0));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidName, ex.Error);
        Assert.Contains("'name'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_MissingTitle_ThrowsInvalidTitleSayingRequired(string? title)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => Sandbox.Create(Org, "acme-dev", title, "development", Region, Creator, T0));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidTitle, ex.Error);
        Assert.Equal(400, ex.Error.Status);
        Assert.Contains("'title'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TitleOneOverMaxLength_ThrowsInvalidTitleStatingLength()
    {
        // Arrange
        var title = new string('t', Sandbox.MaxTitleLength + 1);

        // Act
        var ex = Assert.Throws<AepException>(() => Sandbox.Create(Org, "acme-dev", title, "development", Region, Creator, T0));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidTitle, ex.Error);
        Assert.Contains("'title'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("257", ex.Message, StringComparison.Ordinal);
        Assert.Contains("256", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TitleOfMaxLength_KeepsTitle()
    {
        // Arrange
        var title = new string('t', Sandbox.MaxTitleLength);

        // Act
        var sut = Sandbox.Create(Org, "acme-dev", title, "development", Region, Creator, T0);

        // Assert
        Assert.Equal(256, sut.Title.Length);
    }

    [Fact]
    public void Create_EverythingInvalid_ReportsNameFirst()
    {
        // Act
        var ex = Assert.Throws<AepException>(() => Sandbox.Create(Org, "Bad Name", null, "nope", Region, Creator, T0));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidName, ex.Error);
    }

    [Fact]
    public void Create_TitleAndTypeInvalid_ReportsTitleBeforeType()
    {
        // Act
        var ex = Assert.Throws<AepException>(() => Sandbox.Create(Org, "acme-dev", "", "nope", Region, Creator, T0));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidTitle, ex.Error);
    }

    [Fact]
    public void CreateDefault_IsLiveProductionProdOwnedBySystem()
    {
        // Act
        var sut = Sandbox.CreateDefault(Org, Region, T0);

        // Assert
        Assert.Equal("prod", sut.Name);
        Assert.Equal(SandboxName.Default, sut.Name);
        Assert.Equal("Production", sut.Title);
        Assert.Equal(SandboxType.Production, sut.Type);
        Assert.Equal(SandboxState.Active, sut.State);
        Assert.True(sut.IsDefault);
        Assert.True(sut.IsLive);
        Assert.Equal(Org, sut.ImsOrg);
        Assert.Equal(Region, sut.Region);
        Assert.Equal(1, sut.ETag);
        Assert.Equal(T0, sut.CreatedDate);
        Assert.Equal(T0, sut.LastModifiedDate);
        Assert.Equal("system", sut.CreatedBy);
        Assert.Equal("system", sut.ModifiedBy);
        Assert.NotEqual(Guid.Empty, sut.Id);
    }

    [Fact]
    public void Create_ProductionTypedSandbox_IsNotDefault()
    {
        // Act
        var sut = Sandbox.Create(Org, "prod-eu", "Prod EU", "production", Region, Creator, T0);

        // Assert
        Assert.Equal(SandboxType.Production, sut.Type);
        Assert.False(sut.IsDefault);
    }

    [Fact]
    public void Retitle_ValidTitle_ChangesTitleAndBumpsETagAndAudit()
    {
        // Arrange
        var sut = NewSandbox();

        // Act
        sut.Retitle("Acme Development", Editor, T1);

        // Assert
        Assert.Equal("Acme Development", sut.Title);
        Assert.Equal(2, sut.ETag);
        Assert.Equal(T1, sut.LastModifiedDate);
        Assert.Equal(Editor, sut.ModifiedBy);
        Assert.Equal(T0, sut.CreatedDate);
        Assert.Equal(Creator, sut.CreatedBy);
        Assert.Equal(SandboxState.Active, sut.State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Retitle_MissingTitle_ThrowsInvalidTitleAndLeavesSandboxUnchanged(string? title)
    {
        // Arrange
        var sut = NewSandbox();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Retitle(title, Editor, T1));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidTitle, ex.Error);
        Assert.Contains("'title'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Acme Dev", sut.Title);
        Assert.Equal(1, sut.ETag);
        Assert.Equal(T0, sut.LastModifiedDate);
        Assert.Equal(Creator, sut.ModifiedBy);
    }

    [Fact]
    public void Retitle_TooLongTitle_ThrowsInvalidTitleAndLeavesETag()
    {
        // Arrange
        var sut = NewSandbox();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Retitle(new string('x', 300), Editor, T1));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidTitle, ex.Error);
        Assert.Contains("300", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, sut.ETag);
    }

    [Fact]
    public void Reset_LiveSandbox_StaysActiveAndBumpsETagAndAudit()
    {
        // Arrange
        var sut = NewSandbox();

        // Act
        sut.Reset(Editor, T1);

        // Assert
        Assert.Equal(SandboxState.Active, sut.State);
        Assert.Equal(2, sut.ETag);
        Assert.Equal(T1, sut.LastModifiedDate);
        Assert.Equal(Editor, sut.ModifiedBy);
        Assert.Equal("Acme Dev", sut.Title);
    }

    [Fact]
    public void Reset_DefaultSandbox_IsAllowed()
    {
        // Arrange
        var sut = Sandbox.CreateDefault(Org, Region, T0);

        // Act
        sut.Reset(Editor, T1);

        // Assert
        Assert.Equal(2, sut.ETag);
        Assert.Equal(SandboxState.Active, sut.State);
    }

    [Fact]
    public void Delete_LiveSandbox_BecomesDeletedAndBumpsETagAndAudit()
    {
        // Arrange
        var sut = NewSandbox();

        // Act
        sut.Delete(Editor, T1);

        // Assert
        Assert.Equal(SandboxState.Deleted, sut.State);
        Assert.False(sut.IsLive);
        Assert.Equal("deleted", sut.State.ToWire());
        Assert.Equal(2, sut.ETag);
        Assert.Equal(T1, sut.LastModifiedDate);
        Assert.Equal(Editor, sut.ModifiedBy);
    }

    [Fact]
    public void ETag_SeveralChanges_IncrementsByOneEach()
    {
        // Arrange
        var sut = NewSandbox();

        // Act
        sut.Retitle("One", Editor, T1);
        sut.Reset(Editor, T1);
        sut.Retitle("Two", Editor, T2);
        sut.Delete(Editor, T2);

        // Assert
        Assert.Equal(5, sut.ETag);
        Assert.Equal(T2, sut.LastModifiedDate);
    }

    [Fact]
    public void Delete_DefaultSandbox_ThrowsDefaultNotDeletableAndStaysActive()
    {
        // Arrange
        var sut = Sandbox.CreateDefault(Org, Region, T0);

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Delete(Editor, T1));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.DefaultNotDeletable, ex.Error);
        Assert.Equal(400, ex.Error.Status);
        Assert.Contains("'prod'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(SandboxState.Active, sut.State);
        Assert.Equal(1, sut.ETag);
        Assert.Equal("system", sut.ModifiedBy);
    }

    [Fact]
    public void Retitle_DeletedSandbox_ThrowsNotActive()
    {
        // Arrange
        var sut = DeletedSandbox();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Retitle("New", Editor, T2));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.NotActive, ex.Error);
        Assert.Contains("'acme-dev'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Acme Dev", sut.Title);
        Assert.Equal(2, sut.ETag);
        Assert.Equal(T1, sut.LastModifiedDate);
    }

    [Fact]
    public void Retitle_DeletedSandboxAndInvalidTitle_ReportsNotActiveFirst()
    {
        // Arrange
        var sut = DeletedSandbox();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Retitle(null, Editor, T2));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.NotActive, ex.Error);
    }

    [Fact]
    public void Reset_DeletedSandbox_ThrowsNotActiveAndStaysDeleted()
    {
        // Arrange
        var sut = DeletedSandbox();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Reset(Editor, T2));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.NotActive, ex.Error);
        Assert.Equal(SandboxState.Deleted, sut.State);
        Assert.Equal(2, sut.ETag);
    }

    [Fact]
    public void Delete_DeletedSandbox_ThrowsNotActiveAndKeepsETag()
    {
        // Arrange
        var sut = DeletedSandbox();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Delete(Editor, T2));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.NotActive, ex.Error);
        Assert.Equal(SandboxState.Deleted, sut.State);
        Assert.Equal(2, sut.ETag);
        Assert.Equal(T1, sut.LastModifiedDate);
    }

    private static Sandbox NewSandbox() =>
        Sandbox.Create(Org, "acme-dev", "Acme Dev", "development", Region, Creator, T0);

    private static Sandbox DeletedSandbox()
    {
        var sandbox = NewSandbox();
        sandbox.Delete(Editor, T1);
        return sandbox;
    }
}
