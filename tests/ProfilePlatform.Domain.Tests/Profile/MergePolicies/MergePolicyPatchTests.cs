using ProfilePlatform.Domain.Profile.MergePolicies;
using static ProfilePlatform.Domain.Tests.Profile.MergePolicies.MergePolicyTestData;

namespace ProfilePlatform.Domain.Tests.Profile.MergePolicies;

public sealed class MergePolicyPatchTests
{
    private readonly MergePolicy _policy = Policy("p1");

    [Fact]
    public void Apply_DocsSingleOperationWithStringValue_SetsDefault()
    {
        // Act: help/profile/api/merge-policies.md PATCH example, verbatim
        var draft = MergePolicyPatch.Apply(_policy, Json("""{"op":"add","path":"/default","value":"true"}"""));

        // Assert
        Assert.True(draft.Default);
        Assert.Equal(_policy.ToDraft() with { Default = true }, draft);
    }

    [Fact]
    public void Apply_ArrayOfOperations_DottedAndSlashedPaths()
    {
        // Act
        var draft = MergePolicyPatch.Apply(_policy, Json("""
            [{"op":"add","path":"/identityGraph.type","value":"pdg"},
             {"op":"replace","path":"/name","value":"renamed"},
             {"op":"add","path":"/schema/name","value":"_xdm.context.account"},
             {"op":"add","path":"/idActiveOnEdge","value":true}]
            """));

        // Assert
        Assert.Equal(IdentityGraphTypes.Pdg, draft.IdentityGraphType);
        Assert.Equal("renamed", draft.Name);
        Assert.Equal("_xdm.context.account", draft.SchemaName);
        Assert.True(draft.IsActiveOnEdge);
    }

    [Fact]
    public void Apply_SwitchToDataSetPrecedenceWithoutOrder_Invalid_WithOrder_Accepted()
    {
        // Act
        var withoutOrder = Assert.Throws<MergePolicyRuleException>(() =>
            MergePolicyPatch.Apply(_policy, Json("""{"op":"add","path":"/attributeMerge.type","value":"dataSetPrecedence"}""")));
        var withOrder = MergePolicyPatch.Apply(_policy, Json("""
            [{"op":"add","path":"/attributeMerge.type","value":"dataSetPrecedence"},{"op":"add","path":"/attributeMerge.order","value":["ds2","ds1"]}]
            """));
        var whole = MergePolicyPatch.Apply(_policy, Json("""{"op":"replace","path":"/attributeMerge","value":{"type":"dataSetPrecedence","order":["ds9"]}}"""));

        // Assert
        Assert.Contains("attributeMerge.order is required", withoutOrder.Message, StringComparison.Ordinal);
        Assert.Equal(["ds2", "ds1"], withOrder.AttributeMerge.Order);
        Assert.Equal(["ds9"], whole.AttributeMerge.Order);
    }

    [Fact]
    public void Apply_Version_AcceptedAndIgnored()
    {
        // Act
        var draft = MergePolicyPatch.Apply(_policy, Json("""{"op":"add","path":"/version","value":"42"}"""));

        // Assert
        Assert.Equal(_policy.ToDraft(), draft);
    }

    [Theory]
    [InlineData("""{"op":"remove","path":"/name","value":"x"}""", "op must be \"add\" or \"replace\", not 'remove'", MergePolicyRule.InvalidPatch)]
    [InlineData("""{"path":"/name","value":"x"}""", "op must be", MergePolicyRule.InvalidPatch)]
    [InlineData("""{"op":"add","value":"x"}""", "path is required", MergePolicyRule.InvalidPatch)]
    [InlineData("""{"op":"add","path":"/id","value":"x"}""", "path '/id' cannot be patched", MergePolicyRule.InvalidPatch)]
    [InlineData("""{"op":"add","path":"/imsOrgId","value":"x"}""", "/identityGraph.type", MergePolicyRule.InvalidPatch)]
    [InlineData("""{"op":"add","path":"/name"}""", "value is required for /name", MergePolicyRule.InvalidPatch)]
    [InlineData("""{"op":"add","path":"/identityGraph.type","value":"graph"}""", "identityGraph.type must be one of none, pdg", MergePolicyRule.Invalid)]
    [InlineData("""{"op":"add","path":"/default","value":"maybe"}""", "default must be true or false", MergePolicyRule.Invalid)]
    [InlineData("""[]""", "non-empty array", MergePolicyRule.InvalidPatch)]
    [InlineData("""[1]""", "each operation must be an object", MergePolicyRule.InvalidPatch)]
    [InlineData("\"text\"", "the body must be an operation", MergePolicyRule.InvalidPatch)]
    public void Apply_BadOperationOrResult_NamesTheRuleAndProblem(string body, string expected, MergePolicyRule rule)
    {
        // Act
        var ex = Assert.Throws<MergePolicyRuleException>(() => MergePolicyPatch.Apply(_policy, Json(body)));

        // Assert
        Assert.Equal(rule, ex.Rule);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
