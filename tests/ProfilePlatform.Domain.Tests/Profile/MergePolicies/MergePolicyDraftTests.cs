using ProfilePlatform.Domain.Profile.MergePolicies;
using static ProfilePlatform.Domain.Tests.Profile.MergePolicies.MergePolicyTestData;

namespace ProfilePlatform.Domain.Tests.Profile.MergePolicies;

public sealed class MergePolicyDraftTests
{
    [Fact]
    public void Parse_MinimalBody_DefaultsFalseAndNoName()
    {
        // Act
        var sut = MergePolicyDraft.Parse(Json("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered","order":["ignored"]}}"""));

        // Assert
        Assert.Null(sut.Name);
        Assert.Equal(IdentityGraphTypes.Pdg, sut.IdentityGraphType);
        Assert.Equal(AttributeMerge.TimestampOrdered, sut.AttributeMerge);
        Assert.False(sut.Default);
        Assert.False(sut.IsActiveOnEdge);
    }

    [Fact]
    public void Parse_PutBodyWithReadOnlyFieldsAndStringBooleans_Accepted()
    {
        // Act: the docs' PUT body sends id-less read-only fields back; their GET example has "isActiveOnEdge": "false"
        var sut = MergePolicyDraft.Parse(Json("""
            {"name":"n","imsOrgId":"{ORG_ID}","schema":{"name":"_xdm.context.profile"},"version":1,"identityGraph":{"type":"none"},
             "attributeMerge":{"type":"dataSetPrecedence","order":["a","b"]},"isActiveOnEdge":"false","default":"TRUE","updateEpoch":1551898378,"somethingElse":{}}
            """));

        // Assert
        Assert.True(sut.Default);
        Assert.False(sut.IsActiveOnEdge);
        Assert.Equal(["a", "b"], sut.AttributeMerge.Order);
    }

    [Theory]
    [InlineData("""{"identityGraph":{"type":"none"},"attributeMerge":{"type":"timestampOrdered"}}""", "schema is required")]
    [InlineData("""{"schema":{},"identityGraph":{"type":"none"},"attributeMerge":{"type":"timestampOrdered"}}""", "schema.name must be a non-empty string")]
    [InlineData("""{"schema":{"name":" "},"identityGraph":{"type":"none"},"attributeMerge":{"type":"timestampOrdered"}}""", "schema.name must be a non-empty string")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"attributeMerge":{"type":"timestampOrdered"}}""", "identityGraph is required")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"PDG"},"attributeMerge":{"type":"timestampOrdered"}}""", "identityGraph.type must be one of none, pdg, not 'PDG'")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"none"}}""", "attributeMerge is required")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"none"},"attributeMerge":{"type":"latest"}}""", "attributeMerge.type must be one of timestampOrdered, dataSetPrecedence, not 'latest'")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"none"},"attributeMerge":{"type":"dataSetPrecedence"}}""", "attributeMerge.order is required for dataSetPrecedence")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"none"},"attributeMerge":{"type":"dataSetPrecedence","order":[]}}""", "attributeMerge.order is required for dataSetPrecedence")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"none"},"attributeMerge":{"type":"dataSetPrecedence","order":["a",1]}}""", "dataset ids (non-empty strings) only")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"none"},"attributeMerge":{"type":"dataSetPrecedence","order":["a","a"]}}""", "more than once")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"none"},"attributeMerge":{"type":"timestampOrdered"},"default":"yes"}""", "default must be true or false")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"none"},"attributeMerge":{"type":"timestampOrdered"},"isActiveOnEdge":1}""", "isActiveOnEdge must be true or false")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"none"},"attributeMerge":{"type":"timestampOrdered"},"name":5}""", "name must be a string")]
    [InlineData("""[]""", "must be a JSON object")]
    public void Parse_InvalidBody_InvalidRuleNamingTheField(string body, string expected)
    {
        // Act
        var ex = Assert.Throws<MergePolicyRuleException>(() => MergePolicyDraft.Parse(Json(body)));

        // Assert
        Assert.Equal(MergePolicyRule.Invalid, ex.Rule);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_Invalid()
    {
        // Act / Assert
        Assert.Equal(MergePolicyRule.Invalid, Assert.Throws<MergePolicyRuleException>(() => MergePolicyDraft.Parse(null)).Rule);
    }

    [Fact]
    public void Parse_SeveralProblems_AllListedInOneMessage()
    {
        // Act
        var ex = Assert.Throws<MergePolicyRuleException>(() => MergePolicyDraft.Parse(Json("{}")));

        // Assert
        Assert.StartsWith("The merge policy is invalid: schema is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("identityGraph is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("attributeMerge is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreThanFiftyOrderedDatasets_Invalid()
    {
        // Arrange
        var order = string.Join(",", Enumerable.Range(0, 51).Select(i => $"\"ds{i}\""));

        // Act
        var ex = Assert.Throws<MergePolicyRuleException>(() => MergePolicyDraft.Parse(Json($$$"""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"none"},"attributeMerge":{"type":"dataSetPrecedence","order":[{{{order}}}]}}""")));

        // Assert
        Assert.Contains("at most 50", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_ParsesBackToTheSameDraft()
    {
        // Arrange
        var sut = Policy("p", isDefault: true, onEdge: true, graph: IdentityGraphTypes.Pdg, order: ["x", "y"]).ToDraft();

        // Act / Assert
        Assert.Equal(sut, MergePolicyDraft.Parse(sut.ToJson()));
    }
}
