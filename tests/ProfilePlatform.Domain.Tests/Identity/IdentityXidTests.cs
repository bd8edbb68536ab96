using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Tests.Identity;

public sealed class IdentityXidTests
{
    [Fact]
    public void Of_SameIdentity_SameXidOf28Base64UrlCharacters()
    {
        // Act
        var first = IdentityXid.Of(6, "test@adobetest.com");
        var second = IdentityXid.Of(6, "test@adobetest.com");

        // Assert
        Assert.Equal(first, second);
        Assert.Matches("^[A-Za-z0-9_-]{28}$", first);
        Assert.Equal(IdentityXid.Length, first.Length);
    }

    [Fact]
    public void Of_KnownValue_IsPinned()
    {
        // Act: pinned, so a change of the derivation (which would orphan stored XIDs) fails here
        var xid = IdentityXid.Of(6, "test@adobetest.com");

        // Assert
        Assert.Equal(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("6:test@adobetest.com"u8)[..21]).Replace('+', '-').Replace('/', '_'), xid);
    }

    [Theory]
    [InlineData(6, "jane@example.com", 7, "jane@example.com")]
    [InlineData(6, "jane@example.com", 6, "Jane@example.com")]
    [InlineData(6, "jane@example.com", 6, "jane@example.com ")]
    [InlineData(1, "23:x", 12, "3:x")]
    public void Of_OtherNamespaceOrValue_OtherXid(int ns1, string v1, int ns2, string v2)
    {
        // Act / Assert
        Assert.NotEqual(IdentityXid.Of(ns1, v1), IdentityXid.Of(ns2, v2));
    }
}
