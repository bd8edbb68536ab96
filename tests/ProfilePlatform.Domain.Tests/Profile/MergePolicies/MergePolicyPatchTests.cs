using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Profile.MergePolicies;

namespace ProfilePlatform.Domain.Tests.Profile.MergePolicies;

public sealed class MergePolicyPatchTests
{
    private static readonly MergePolicyFields Current = new("Before", MergePolicyWire.ProfileClass, "pdg", "dataSetPrecedence", ["d1", "d2"], false, false);

    [Theory]
    [InlineData("""{"op":"add","path":"/default","value":"true"}""")]
    [InlineData("""{"op":"add","path":"/default","value":true}""")]
    [InlineData("""[{"op":"replace","path":"/default","value":true}]""")]
    public void ApplyTo_DocumentedDefaultPatch_SingleObjectOrArray(string body)
    {
        // Act
        var fields = MergePolicyPatch.Parse(JsonNode.Parse(body)).ApplyTo(Current);

        // Assert
        Assert.True(fields.IsDefault);
        Assert.Equal((Current.Name, Current.IdentityGraph, Current.AttributeMerge), (fields.Name, fields.IdentityGraph, fields.AttributeMerge));
        Assert.Equal(Current.Order, fields.Order);
    }

    [Theory]
    [InlineData("/identityGraph.type", "\"none\"")]
    [InlineData("/identityGraph/type", "\"none\"")]
    [InlineData("/identityGraph", """{"type":"none"}""")]
    public void ApplyTo_DotAndPointerPaths_MeanTheSame(string path, string value)
    {
        // Act
        var fields = MergePolicyPatch.Parse(JsonNode.Parse($$"""{"op":"add","path":"{{path}}","value":{{value}}}""")).ApplyTo(Current);

        // Assert
        Assert.Equal("none", fields.IdentityGraph);
    }

    [Fact]
    public void ApplyTo_SwitchToTimestampOrdered_DropsTheOrder_AndBackNeedsOne()
    {
        // Act
        var timestamp = MergePolicyPatch.Parse(JsonNode.Parse("""{"op":"add","path":"/attributeMerge.type","value":"timestampOrdered"}""")).ApplyTo(Current);
        var back = Assert.Throws<AepException>(() => MergePolicyPatch.Parse(JsonNode.Parse("""{"op":"add","path":"/attributeMerge.type","value":"dataSetPrecedence"}""")).ApplyTo(timestamp));

        // Assert
        Assert.Empty(timestamp.Order);
        Assert.Same(ErrorCatalog.Profile.InvalidMergePolicy, back.Error);
    }

    [Fact]
    public void ApplyTo_OperationsInOrder_LaterWins_AndVersionIsIgnored()
    {
        // Act
        var fields = MergePolicyPatch.Parse(JsonNode.Parse("""
            [{"op":"add","path":"/name","value":"One"},{"op":"add","path":"/version","value":99},{"op":"add","path":"/name","value":"Two"},
             {"op":"add","path":"/attributeMerge","value":{"type":"dataSetPrecedence","order":["d3"]}},{"op":"add","path":"/idActiveOnEdge","value":"true"}]
            """)).ApplyTo(Current);

        // Assert
        Assert.Equal("Two", fields.Name);
        Assert.Equal(["d3"], fields.Order);
        Assert.True(fields.IsActiveOnEdge);
    }

    [Theory]
    [InlineData("""{"op":"copy","path":"/name","value":"x"}""", "'op'")]
    [InlineData("""{"op":"add","path":"/sandbox","value":"x"}""", "cannot be patched")]
    [InlineData("""{"op":"add","path":"/name"}""", "'value'")]
    [InlineData("""{"op":"add","path":"/isActiveOnEdge","value":null}""", "not null")]
    [InlineData("""{"op":"add","path":"/schema","value":"x"}""", "must be an object")]
    [InlineData("""{"op":"add","path":"/name","value":{"a":1}}""", "must be a string")]
    [InlineData("""[]""", "empty array")]
    [InlineData("""5""", "patch operation")]
    public void Invalid_ThrowsInvalidPatch(string body, string mentions)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => MergePolicyPatch.Parse(JsonNode.Parse(body)).ApplyTo(Current));

        // Assert
        Assert.Same(ErrorCatalog.Profile.InvalidPatch, ex.Error);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
    }
}
