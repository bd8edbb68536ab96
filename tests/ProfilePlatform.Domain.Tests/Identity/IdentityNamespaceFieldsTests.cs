using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Tests.Identity;

public sealed class IdentityNamespaceFieldsTests
{
    [Fact]
    public void Parse_DocumentedBody_TrimsAndKeepsTheCanonicalType()
    {
        // Act
        var fields = IdentityNamespaceFields.Parse(JsonNode.Parse("""{"name":" Loyalty Member ","code":"Loyalty","description":"Loyalty Program Member ID","idType":"Cross_device"}"""));

        // Assert
        Assert.Equal(new IdentityNamespaceFields("Loyalty Member", "Loyalty", "CROSS_DEVICE", "Loyalty Program Member ID"), fields);
    }

    [Theory]
    [InlineData("""{"name":"N","code":"A1b2C3","idType":"Email","description":null}""")]
    [InlineData("""{"name":"N","code":"Z","idType":"email","id":5,"custom":false}""")]
    public void Parse_ValidVariants_AreAccepted(string body)
    {
        // Act
        var fields = IdentityNamespaceFields.Parse(JsonNode.Parse(body));

        // Assert
        Assert.Equal("EMAIL", fields.IdType);
    }

    [Theory]
    [InlineData("""{"code":"A","idType":"Email"}""", "'name'")]
    [InlineData("""{"name":"N","code":"","idType":"Email"}""", "'code'")]
    [InlineData("""{"name":"N","code":"A-B","idType":"Email"}""", "letters and digits")]
    [InlineData("""{"name":"N","code":"٣","idType":"Email"}""", "letters and digits")]
    [InlineData("""{"name":"N","code":"A","idType":"Emails"}""", "valid value of idType")]
    [InlineData("""{"name":"N","code":"A","idType":true}""", "must be a string")]
    [InlineData("""{"name":"N","code":"A","code":"B","idType":"Email"}""", "twice")]
    [InlineData("""[]""", "JSON object")]
    public void Parse_Invalid_ThrowsNamespaceInvalidNamingTheProblem(string body, string mentions)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => IdentityNamespaceFields.Parse(JsonNode.Parse(body)));

        // Assert
        Assert.Same(ErrorCatalog.Identity.NamespaceInvalid, ex.Error);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
    }
}
