using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Tests.Tenancy;

public sealed class TenancyContextTests
{
    private const string Org = "ACME0000000000000000000A@AdobeOrg";
    private const string OtherOrg = "OTHER000000000000000000B@AdobeOrg";

    [Fact]
    public void Tenant_NothingResolved_ThrowsAndPropertiesAreNull()
    {
        // Arrange
        var sut = new TenancyContext();

        // Act
        var ex = Assert.Throws<InvalidOperationException>(() => sut.Tenant);

        // Assert
        Assert.Contains("tenant", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Null(sut.ImsOrg);
        Assert.Null(sut.Sandbox);
    }

    [Fact]
    public void Tenant_OnlyOrganizationResolved_Throws()
    {
        // Arrange
        var sut = new TenancyContext();
        sut.SetOrganization(Org);

        // Act / Assert
        Assert.Throws<InvalidOperationException>(() => sut.Tenant);
        Assert.Equal(Org, sut.ImsOrg);
    }

    [Fact]
    public void Tenant_OrganizationAndSandboxResolved_ReturnsKey()
    {
        // Arrange
        var sut = new TenancyContext();
        sut.SetOrganization(Org);
        sut.SetSandbox("acme-dev");

        // Act
        var tenant = sut.Tenant;

        // Assert
        Assert.Equal(new TenantKey(Org, "acme-dev"), tenant);
        Assert.Equal("acme-dev", sut.Sandbox);
    }

    [Fact]
    public void SetSandbox_BeforeOrganization_ThrowsAndLeavesSandboxUnset()
    {
        // Arrange
        var sut = new TenancyContext();

        // Act
        var ex = Assert.Throws<InvalidOperationException>(() => sut.SetSandbox("prod"));

        // Assert
        Assert.Contains("organization", ex.Message, StringComparison.Ordinal);
        Assert.Null(sut.Sandbox);
    }

    [Fact]
    public void SetSandbox_DifferentSandboxOnceSet_ThrowsAndKeepsFirst()
    {
        // Arrange
        var sut = new TenancyContext();
        sut.SetOrganization("ORG@AdobeOrg");
        sut.SetSandbox("prod");

        // Act
        var ex = Assert.Throws<InvalidOperationException>(() => sut.SetSandbox("dev"));

        // Assert
        Assert.Contains("cannot change", ex.Message, StringComparison.Ordinal);
        Assert.Equal("prod", sut.Sandbox);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void SetOrganization_Blank_Throws(string imsOrg)
    {
        // Arrange
        var sut = new TenancyContext();

        // Act
        Assert.Throws<ArgumentException>(() => sut.SetOrganization(imsOrg));

        // Assert
        Assert.Null(sut.ImsOrg);
    }

    [Fact]
    public void SetOrganization_DifferentOrganization_ThrowsAndKeepsFirst()
    {
        // Arrange
        var sut = new TenancyContext();
        sut.SetOrganization(Org);

        // Act
        var ex = Assert.Throws<InvalidOperationException>(() => sut.SetOrganization(OtherOrg));

        // Assert
        Assert.Contains("cannot change", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Org, sut.ImsOrg);
    }

    [Fact]
    public void SetOrganization_DifferentOnlyInCase_Throws()
    {
        // Arrange
        var sut = new TenancyContext();
        sut.SetOrganization(Org);

        // Act / Assert
        Assert.Throws<InvalidOperationException>(() => sut.SetOrganization(Org.ToLowerInvariant()));
        Assert.Equal(Org, sut.ImsOrg);
    }

    [Fact]
    public void SetOrganization_SameOrganizationAgain_IsIdempotent()
    {
        // Arrange
        var sut = new TenancyContext();
        sut.SetOrganization(Org);
        sut.SetSandbox("prod");

        // Act
        sut.SetOrganization(Org);

        // Assert
        Assert.Equal(new TenantKey(Org, "prod"), sut.Tenant);
    }

    [Fact]
    public void Use_FreshContext_SetsOrganizationAndSandbox()
    {
        // Arrange
        var sut = new TenancyContext();
        var key = new TenantKey(Org, "acme-dev");

        // Act
        sut.Use(key);

        // Assert
        Assert.Equal(Org, sut.ImsOrg);
        Assert.Equal("acme-dev", sut.Sandbox);
        Assert.Equal(key, sut.Tenant);
    }

    [Fact]
    public void Use_TenantOfAnotherOrganization_ThrowsAndKeepsTenant()
    {
        // Arrange
        var sut = new TenancyContext();
        sut.Use(new TenantKey(Org, "prod"));

        // Act
        Assert.Throws<InvalidOperationException>(() => sut.Use(new TenantKey(OtherOrg, "acme-dev")));

        // Assert
        Assert.Equal(new TenantKey(Org, "prod"), sut.Tenant);
    }

    [Fact]
    public void TenantKey_ToString_IsOrgSlashSandbox()
    {
        // Arrange
        var sut = new TenantKey(Org, "acme-dev");

        // Act
        var text = sut.ToString();

        // Assert
        Assert.Equal("ACME0000000000000000000A@AdobeOrg/acme-dev", text);
    }

    [Fact]
    public void TenantKey_SameParts_AreEqual()
    {
        // Arrange / Act
        var a = new TenantKey(Org, "prod");
        var b = new TenantKey(Org, "prod");
        var c = new TenantKey(OtherOrg, "prod");

        // Assert
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }
}
