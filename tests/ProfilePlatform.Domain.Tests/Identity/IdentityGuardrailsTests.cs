using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Tests.Identity;

public sealed class IdentityGuardrailsTests
{
    private const string Ecid = "89149270342662559642753730269986316601";

    [Theory]
    [InlineData(Ecid, null)]
    [InlineData("8914927034266255964275373026998631660", IdentityRecordProblem.EcidFormat)]
    [InlineData("891492703426625596427537302699863166011", IdentityRecordProblem.EcidFormat)]
    [InlineData("8914927034266255964275373026998631660A", IdentityRecordProblem.EcidFormat)]
    [InlineData("05DD23564EC4607F0A490D44", IdentityRecordProblem.EcidFormat)]
    [InlineData("", IdentityRecordProblem.EcidFormat)]
    [InlineData("８９149270342662559642753730269986316601", IdentityRecordProblem.EcidFormat)]
    public void CheckValue_Ecid_MustBeExactly38AsciiDigits(string value, IdentityRecordProblem? expected)
    {
        // Act / Assert
        Assert.Equal(expected, IdentityGuardrails.CheckValue("ecid", value));
    }

    [Theory]
    [InlineData("jane@acme.com", null)]
    [InlineData("", IdentityRecordProblem.ValueBlocked)]
    [InlineData("   ", IdentityRecordProblem.ValueBlocked)]
    [InlineData("null", IdentityRecordProblem.ValueBlocked)]
    [InlineData("NULL", IdentityRecordProblem.ValueBlocked)]
    [InlineData(" anonymous ", IdentityRecordProblem.ValueBlocked)]
    [InlineData("invalid", IdentityRecordProblem.ValueBlocked)]
    [InlineData("invalid-but-real", null)]
    [InlineData("nullable", null)]
    public void CheckValue_NonEcid_BlocksBlankAndPlaceholderValues(string value, IdentityRecordProblem? expected)
    {
        // Act / Assert
        Assert.Equal(expected, IdentityGuardrails.CheckValue("Email", value));
    }

    [Fact]
    public void CheckValue_NonEcid_AllowsExactly1024Characters()
    {
        // Act / Assert
        Assert.Null(IdentityGuardrails.CheckValue("CRMID", new string('x', 1024)));
        Assert.Equal(IdentityRecordProblem.ValueTooLong, IdentityGuardrails.CheckValue("CRMID", new string('x', 1025)));
    }

    [Theory]
    [InlineData("PARTNER", 0)]
    [InlineData("COOKIE", 1)]
    [InlineData("cookie", 1)]
    [InlineData("DEVICE", 2)]
    [InlineData("MOBILE", 2)]
    [InlineData("CROSS_DEVICE", 3)]
    [InlineData("EMAIL", 3)]
    [InlineData("PHONE", 3)]
    [InlineData("SOMETHING_NEW", 3)]
    public void DeletionTier_FollowsTheGuardrailOrder(string idType, int tier)
    {
        // Act / Assert
        Assert.Equal(tier, IdentityTypes.DeletionTier(idType));
    }

    [Theory]
    [InlineData("NON_PEOPLE", false)]
    [InlineData("non_people", false)]
    [InlineData("PARTNER", true)]
    [InlineData("COOKIE", true)]
    public void IsLinkable_OnlyNonPeopleIsExcluded(string idType, bool linkable)
    {
        // Act / Assert
        Assert.Equal(linkable, IdentityTypes.IsLinkable(idType));
    }
}
