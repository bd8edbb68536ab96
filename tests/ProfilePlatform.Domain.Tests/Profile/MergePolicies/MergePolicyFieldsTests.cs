using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Profile.MergePolicies;

namespace ProfilePlatform.Domain.Tests.Profile.MergePolicies;

public sealed class MergePolicyFieldsTests
{
    [Fact]
    public void Parse_DocumentedCreateBody_ReadsEveryField()
    {
        // Act
        var fields = MergePolicyFields.Parse(JsonNode.Parse("""
            {"name":"Loyalty members ordered by ID","identityGraph":{"type":"none"},
             "attributeMerge":{"type":"dataSetPrecedence","order":["5b76f86b85d0e00000be5c8b","5b76f8d787a6af01e2ceda18"]},
             "schema":{"name":"_xdm.context.profile"},"isActiveOnEdge":true,"default":true}
            """));

        // Assert
        Assert.Equal("Loyalty members ordered by ID", fields.Name);
        Assert.Equal("_xdm.context.profile", fields.SchemaName);
        Assert.Equal("none", fields.IdentityGraph);
        Assert.Equal("dataSetPrecedence", fields.AttributeMerge);
        Assert.Equal(["5b76f86b85d0e00000be5c8b", "5b76f8d787a6af01e2ceda18"], fields.Order);
        Assert.True(fields.IsDefault);
        Assert.True(fields.IsActiveOnEdge);
    }

    [Fact]
    public void Parse_DocumentedPutBody_IgnoresReadOnlyFieldsAndTakesStringFlags()
    {
        // Act
        var fields = MergePolicyFields.Parse(JsonNode.Parse("""
            {"id":"e5bc94de","name":"N","imsOrgId":"{IMS_ORG}","schema":{"name":"_xdm.context.profile"},"version":1,
             "identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered","order":null},"default":"true","updateEpoch":1551898378}
            """), pathId: "e5bc94de");

        // Assert
        Assert.True(fields.IsDefault);
        Assert.False(fields.IsActiveOnEdge);
        Assert.Empty(fields.Order);
    }

    [Theory]
    [InlineData("""{"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}""", "'schema' is required")]
    [InlineData("""{"schema":{"name":"x"},"identityGraph":{"type":"none "},"attributeMerge":{"type":"timestampOrdered"}}""", "'identityGraph.type'")]
    [InlineData("""{"schema":{"name":"x"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"TimestampOrdered"}}""", "'attributeMerge.type'")]
    [InlineData("""{"schema":{"name":"x"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"dataSetPrecedence","order":[" "]}}""", "order[0]")]
    [InlineData("""{"schema":{"name":""},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}""", "'schema.name' is blank")]
    [InlineData("""{"id":"other","schema":{"name":"x"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}""", "'id' must be the id in the path")]
    [InlineData("""{"id":5,"schema":{"name":"x"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}""", "'id' must be the id in the path")]
    public void Parse_Invalid_ThrowsInvalidMergePolicy(string body, string mentions)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => MergePolicyFields.Parse(JsonNode.Parse(body), pathId: "p1"));

        // Assert
        Assert.Same(ErrorCatalog.Profile.InvalidMergePolicy, ex.Error);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validated_FiftyDatasets_IsTheMostAccepted()
    {
        // Arrange
        var fifty = new MergePolicyFields(null, "c", "pdg", "dataSetPrecedence", [.. Enumerable.Range(0, 50).Select(i => $"d{i}")], false, false);

        // Act / Assert
        Assert.Same(fifty, fifty.Validated());
        Assert.Throws<AepException>(() => (fifty with { Order = [.. fifty.Order, "d50"] }).Validated());
    }
}
