using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Tests.Identity;

public sealed class StandardIdentityNamespacesTests
{
    private readonly StandardIdentityNamespaces _sut = new();

    [Theory]
    [InlineData("CORE", 0, "COOKIE")]
    [InlineData("ECID", 4, "COOKIE")]
    [InlineData("Email", 6, "EMAIL")]
    [InlineData("Phone", 7, "PHONE")]
    [InlineData("WAID", 8, "DEVICE")]
    [InlineData("TNTID", 9, "COOKIE")]
    [InlineData("AdCloud", 411, "COOKIE")]
    [InlineData("GAID", 20914, "DEVICE")]
    [InlineData("IDFA", 20915, "DEVICE")]
    public async Task Documented_CodeAndId_FindTheSameNamespace(string code, int id, string idType)
    {
        // Act
        var byCode = await _sut.FindByCodeAsync(code, default);
        var byId = await _sut.FindByIdAsync(id, default);

        // Assert
        Assert.NotNull(byCode);
        Assert.Same(byCode, byId);
        Assert.Equal(idType, byCode.IdType);
    }

    [Fact]
    public async Task FindByCode_IgnoresCase_AndKnowsNoCrmid()
    {
        // Act / Assert
        Assert.Equal("Email", (await _sut.FindByCodeAsync("EMAIL", default))?.Code);
        Assert.Null(await _sut.FindByCodeAsync("CRMID", default));
    }

    [Fact]
    public void All_CodesAndIdsAreUnique()
    {
        // Act / Assert
        Assert.Equal(StandardIdentityNamespaces.All.Count, StandardIdentityNamespaces.All.Select(n => n.Id).Distinct().Count());
        Assert.Equal(StandardIdentityNamespaces.All.Count, StandardIdentityNamespaces.All.Select(n => n.Code.ToUpperInvariant()).Distinct().Count());
    }
}
