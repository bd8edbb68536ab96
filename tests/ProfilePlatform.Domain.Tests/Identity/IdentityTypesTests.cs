using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Tests.Identity;

public sealed class IdentityTypesTests
{
    [Theory]
    [InlineData("Cookie", "COOKIE")]
    [InlineData("Cross_device", "CROSS_DEVICE")]
    [InlineData("cross_device", "CROSS_DEVICE")]
    [InlineData("Device", "DEVICE")]
    [InlineData("Email", "EMAIL")]
    [InlineData("MOBILE", "MOBILE")]
    [InlineData("Non_people", "NON_PEOPLE")]
    [InlineData(" Phone ", "PHONE")]
    [InlineData("partner", "PARTNER")]
    public void Parse_DocumentedSpellingsAnyCase_GivesTheCanonicalType(string value, string expected)
    {
        // Act
        var type = IdentityTypes.Parse(value);

        // Assert
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CrossDevice")]
    [InlineData("Cross-device")]
    [InlineData("Human")]
    public void Parse_Unknown_IsNull(string? value)
    {
        // Act / Assert
        Assert.Null(IdentityTypes.Parse(value));
    }

    [Theory]
    [InlineData(IdentityTypes.Cookie, "Cookie")]
    [InlineData(IdentityTypes.CrossDevice, "Cross_device")]
    [InlineData(IdentityTypes.Device, "Device")]
    [InlineData(IdentityTypes.Email, "Email")]
    [InlineData(IdentityTypes.Mobile, "Mobile")]
    [InlineData(IdentityTypes.NonPeople, "Non_people")]
    [InlineData(IdentityTypes.Phone, "Phone")]
    [InlineData(IdentityTypes.Partner, "Partner")]
    public void SpecSpelling_IsTheCreateRequestsEnum(string canonical, string spelled)
    {
        // Act / Assert: identity-service.yaml namespaceCreate.idType
        Assert.Equal(spelled, IdentityTypes.SpecSpelling(canonical));
    }

}
