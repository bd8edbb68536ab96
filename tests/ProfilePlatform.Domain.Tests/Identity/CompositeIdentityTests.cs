using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Tests.Identity;

public sealed class CompositeIdentityTests
{
    [Fact]
    public void Equality_NamespaceIgnoresCase_ValueDoesNot()
    {
        // Arrange
        var email = new CompositeIdentity("Email", "jane@acme.com");

        // Act / Assert
        Assert.Equal(email, new CompositeIdentity("EMAIL", "jane@acme.com"));
        Assert.Equal(email.GetHashCode(), new CompositeIdentity("email", "jane@acme.com").GetHashCode());
        Assert.NotEqual(email, new CompositeIdentity("Email", "Jane@acme.com"));
        Assert.NotEqual(email, new CompositeIdentity("CRMID", "jane@acme.com"));
        Assert.NotEqual(email, new CompositeIdentity("Email", "jane@acme.com "));
    }

    [Fact]
    public void Xid_IsStableBase64UrlOfThirtyCharacters_AndFollowsEquality()
    {
        // Arrange
        var email = new CompositeIdentity("Email", "jane@acme.com");

        // Act
        var xid = email.Xid;

        // Assert
        Assert.Matches("^[A-Za-z0-9_-]{30}$", xid);
        Assert.Equal(xid, new CompositeIdentity("email", "jane@acme.com").Xid);
        Assert.NotEqual(xid, new CompositeIdentity("Email", "Jane@acme.com").Xid);
        Assert.NotEqual(xid, new CompositeIdentity("Phone", "jane@acme.com").Xid);
        Assert.Equal("SNmqWbCTcEK00IuuNBb60vQYu_M8cA", new CompositeIdentity("ecid", "89149270342662559642753730269986316601").Xid); // golden: must never change
    }

    [Fact]
    public void Order_SortsByNamespaceIgnoringCaseThenValueOrdinal()
    {
        // Arrange
        CompositeIdentity[] identities =
        [
            new("ecid", "2"), new("Email", "b"), new("ECID", "10"), new("CRMID", "z"), new("Email", "B"),
        ];

        // Act
        var sorted = identities.Order(CompositeIdentity.Order).Select(i => i.ToString());

        // Assert
        Assert.Equal(["CRMID:z", "ECID:10", "ecid:2", "Email:B", "Email:b"], sorted);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Constructor_BlankNamespace_Throws(string ns)
    {
        // Act / Assert
        Assert.ThrowsAny<ArgumentException>(() => new CompositeIdentity(ns, "v"));
    }
}
