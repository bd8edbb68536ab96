using ProfilePlatform.Domain.Profile.MergePolicies;
using static ProfilePlatform.Domain.Tests.Profile.MergePolicies.MergePolicyTestData;

namespace ProfilePlatform.Domain.Tests.Profile.MergePolicies;

public sealed class MergePolicyTests
{
    [Fact]
    public void ToJson_DataSetPrecedence_MatchesTheDocsCreateResponse()
    {
        // Arrange: help/profile/api/merge-policies.md "Create a merge policy" response
        var draft = MergePolicyDraft.Parse(Json("""
            {"name":"Loyalty members ordered by ID","identityGraph":{"type":"none"},
             "attributeMerge":{"type":"dataSetPrecedence","order":["5b76f86b85d0e00000be5c8b","5b76f8d787a6af01e2ceda18"]},
             "schema":{"name":"_xdm.context.profile"},"isActiveOnEdge":true,"default":true}
            """));

        // Act
        var json = MergePolicy.Create("e5bc94de-cd14-4cdf-a2bc-88b6e8cbfac2", "{ORG_ID}", Prod, draft, 1551898378).ToJson();

        // Assert
        Assert.Equal(
            """{"id":"e5bc94de-cd14-4cdf-a2bc-88b6e8cbfac2","name":"Loyalty members ordered by ID","imsOrgId":"{ORG_ID}","sandbox":{"sandboxId":"ff0f6870-c46d-11e9-8ca3-036939a64204","sandboxName":"prod","type":"production","default":true},"schema":{"name":"_xdm.context.profile"},"version":1,"identityGraph":{"type":"none"},"attributeMerge":{"type":"dataSetPrecedence","order":["5b76f86b85d0e00000be5c8b","5b76f8d787a6af01e2ceda18"]},"isActiveOnEdge":true,"default":true,"updateEpoch":1551898378}""",
            json.ToJsonString());
    }

    [Fact]
    public void SystemDefault_HasTheDocumentedSettings()
    {
        // Act
        var sut = MergePolicy.SystemDefault("0bf16e61-90e9-4204-b8fa-ad250360957b", Org, Prod, 1552086578);

        // Assert
        Assert.Equal("Profile Default Merge Policy", sut.Name);
        Assert.Equal("_xdm.context.profile", sut.SchemaName);
        Assert.Equal(IdentityGraphTypes.None, sut.IdentityGraphType);
        Assert.Equal(AttributeMerge.TimestampOrdered, sut.AttributeMerge);
        Assert.True(sut.Default);
        Assert.False(sut.IsActiveOnEdge);
        Assert.Equal(1, sut.Version);
        Assert.Equal("""{"type":"timestampOrdered"}""", sut.ToJson()["attributeMerge"]!.ToJsonString());
    }

    [Fact]
    public void Update_TakesTheDraftAndMovesVersionAndEpoch()
    {
        // Arrange
        var sut = Policy("p1");

        // Act
        var updated = sut.Update(sut.ToDraft() with { IdentityGraphType = IdentityGraphTypes.Pdg, Name = null }, 1700000000);

        // Assert
        Assert.Equal(2, updated.Version);
        Assert.Equal(1700000000, updated.UpdateEpoch);
        Assert.True(updated.Stitches);
        Assert.Null(updated.ToJson()["name"]);
        Assert.Equal(sut.Id, updated.Id);
    }

    [Fact]
    public void Includes_TimestampOrderedTakesEveryDataset_PrecedenceOnlyTheListed()
    {
        // Act / Assert
        Assert.True(Policy("p1").Includes("any"));
        Assert.True(Policy("p2", order: ["ds1", "ds2"]).Includes("ds2"));
        Assert.False(Policy("p2", order: ["ds1", "ds2"]).Includes("ds3"));
    }

    [Fact]
    public void NoStitching_IsNoneTimestampOrderedWithoutId()
    {
        // Act
        var sut = MergePolicy.NoStitching(Org, Prod, MergePolicy.ProfileClass);

        // Assert
        Assert.Equal(string.Empty, sut.Id);
        Assert.False(sut.Stitches);
        Assert.False(sut.AttributeMerge.IsDataSetPrecedence);
    }
}
