using System.Text.Json.Nodes;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;

namespace ProfilePlatform.Domain.Tests.SchemaRegistry.Descriptors;

public sealed class XdmFieldPathTests
{
    private static readonly JsonObject Composed = JsonNode.Parse("""
        {"properties":{
          "eventType":{"type":"string"},
          "personalEmail":{"type":"object","properties":{"address":{"type":"string"}}},
          "productListItems":{"type":"array","items":{"type":"object","properties":{"SKU":{"type":"string"}}}},
          "a/b":{"type":"string"}
        }}
        """)!.AsObject();

    [Theory]
    [InlineData("/personalEmail/address", "string")]
    [InlineData("/personalEmail", "object")]
    [InlineData("/productListItems/SKU", "string")]
    [InlineData("/productListItems", "array")]
    [InlineData("/xdm:eventType", "string")]
    [InlineData("/a~1b", "string")]
    public void Resolve_ExistingField_ReturnsIt(string path, string type)
    {
        // Act
        var field = XdmFieldPath.Resolve(Composed, path);

        // Assert
        Assert.NotNull(field);
        Assert.Equal(type, XdmFieldPath.TypeOf(field));
    }

    [Theory]
    [InlineData("/properties/personalEmail/properties/address")]
    [InlineData("/personalEmail/address/more")]
    [InlineData("/nothing")]
    [InlineData("personalEmail")]
    [InlineData("/personalEmail/")]
    public void Resolve_NoSuchField_ReturnsNull(string path)
    {
        // Act / Assert
        Assert.Null(XdmFieldPath.Resolve(Composed, path));
    }

    [Fact]
    public void Problem_TooDeepOrTooLong_IsNamed()
    {
        // Act / Assert
        Assert.Contains("deeper", XdmFieldPath.Problem(string.Concat(Enumerable.Repeat("/a", 65))), StringComparison.Ordinal);
        Assert.Contains("longer", XdmFieldPath.Problem("/" + new string('a', 2000)), StringComparison.Ordinal);
        Assert.Null(XdmFieldPath.Problem("/a/b"));
    }
}
