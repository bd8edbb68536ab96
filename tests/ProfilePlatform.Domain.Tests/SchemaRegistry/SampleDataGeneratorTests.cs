using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProfilePlatform.Domain.SchemaRegistry;
using ProfilePlatform.Domain.SchemaRegistry.Validation;
using ProfilePlatform.Domain.Tests.SchemaRegistry.Validation;

namespace ProfilePlatform.Domain.Tests.SchemaRegistry;

public sealed class SampleDataGeneratorTests
{
    [Fact]
    public void Generate_ProfileSchema_FollowsTheDocumentedConventions()
    {
        // Arrange
        var schema = XdmTestSchemas.ProfileSchema();

        // Act
        var sample = SampleDataGenerator.Generate(schema);

        // Assert: help/xdm/api/sample-data.md's shapes
        Assert.Equal("/uri-reference", sample["_id"]!.GetValue<string>());
        Assert.Equal("string", sample["person"]!["name"]!["firstName"]!.GetValue<string>());
        Assert.Equal("2018-01-12", sample["person"]!["birthDate"]!.GetValue<string>());
        Assert.Equal("male", sample["person"]!["gender"]!.GetValue<string>());
        Assert.False(sample["personalEmail"]!["primary"]!.GetValue<bool>());
        var identity = sample["identityMap"]!["key"]!.AsArray().Single()!;
        Assert.Equal("string", identity["id"]!.GetValue<string>());
        Assert.Equal("ambiguous", identity["authenticatedState"]!.GetValue<string>());
        var loyalty = sample["_acme"]!["loyalty"]!;
        Assert.Equal("2018-11-12T20:20:39+00:00", loyalty["memberSince"]!.GetValue<string>());
        Assert.Equal("gold", loyalty["tier"]!.GetValue<string>());
        Assert.Matches("^[A-Z]{3}-[0-9]{4}$", loyalty["code"]!.GetValue<string>());
        Assert.InRange(loyalty["level"]!.GetValue<long>(), 0, 10);
        Assert.InRange(loyalty["rank"]!.GetValue<long>(), -128, 127);
        Assert.Single(loyalty["tags"]!.AsArray());
        Assert.Equal(JsonValueKind.Number, loyalty["scores"]!["key"]!.GetValueKind());
        Assert.Null(sample["$id"]);
        Assert.Null(sample["title"]);
    }

    [Fact]
    public void Generate_SameSchemaTwice_GivesTheSameSample()
    {
        // Act
        var first = SampleDataGenerator.Generate(XdmTestSchemas.ProfileSchema());
        var second = SampleDataGenerator.Generate(XdmTestSchemas.ProfileSchema());

        // Assert
        Assert.True(JsonNode.DeepEquals(first, second));
    }

    public static TheoryData<string[]> Schemas() => new()
    {
        new[] { "https://ns.adobe.com/xdm/context/profile", "https://ns.adobe.com/xdm/context/profile-person-details", "https://ns.adobe.com/xdm/context/profile-personal-details", "https://ns.adobe.com/xdm/context/identitymap", XdmTestSchemas.LoyaltyId },
        new[] { "https://ns.adobe.com/xdm/context/profile", "https://ns.adobe.com/xdm/context/profile-work-details", "https://ns.adobe.com/xdm/mixins/profile/profile-loyalty-details", "https://ns.adobe.com/xdm/mixins/profile-consents" },
        new[] { "https://ns.adobe.com/xdm/context/experienceevent", "https://ns.adobe.com/xdm/context/experienceevent-web", "https://ns.adobe.com/xdm/context/experienceevent-commerce" },
        new[] { "https://ns.adobe.com/xdm/context/account" },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Generate_AnyComposedSchema_PassesItsOwnValidation(string[] parts)
    {
        // Arrange
        var schema = XdmTestSchemas.Compose(parts);
        var validator = XdmRecordValidator.Compile(schema);

        // Act
        var sample = SampleDataGenerator.Generate(schema);
        var violations = validator.Validate(JsonSerializer.SerializeToUtf8Bytes(sample));

        // Assert
        Assert.True(violations.Count == 0, string.Join("\n", violations.Select(v => v.Message)));
        Assert.True(sample.Count >= 2);
    }

    [Theory]
    [InlineData("^[A-Z]{3}-[0-9]{4}$")]
    [InlineData(@"^\d{5}(-\d{4})?$")]
    [InlineData("^(gold|silver)$")]
    [InlineData(@"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")]
    [InlineData("[a-z]+")]
    [InlineData(@"^(?:\+\d{1,3})?\d{10}$")]
    [InlineData(@"^[A-Za-z0-9._%+-]{3,64}$")]
    [InlineData(@"^\w+\.\w+$")]
    public void Generate_StringWithPattern_MatchesThePattern(string pattern)
    {
        // Arrange
        var schema = Schema(new JsonObject { ["type"] = "string", ["pattern"] = pattern });

        // Act
        var value = SampleDataGenerator.Generate(schema)["f"]!.GetValue<string>();

        // Assert
        Assert.Matches(new Regex(pattern), value);
    }

    [Fact]
    public void Generate_PatternBeyondTheSupportedSubset_FallsBackToString()
    {
        // Arrange: a look-ahead
        var schema = Schema(new JsonObject { ["type"] = "string", ["pattern"] = "^(?=.*[0-9])[a-z0-9]{8}$" });

        // Act
        var value = SampleDataGenerator.Generate(schema)["f"]!.GetValue<string>();

        // Assert
        Assert.Equal("string", value);
    }

    [Theory]
    [InlineData("""{"type":"integer","minimum":-50,"maximum":-40}""", -50, -40)]
    [InlineData("""{"type":"integer","exclusiveMinimum":5,"exclusiveMaximum":7}""", 6, 6)]
    [InlineData("""{"type":"integer","meta:xdmType":"byte"}""", 0, 127)]
    [InlineData("""{"type":"integer","minimum":1000000000000}""", 1000000000000, 1000000010000)]
    [InlineData("""{"type":"number","minimum":0,"maximum":1}""", 0, 1)]
    [InlineData("""{"type":"integer","minimum":1,"maximum":100,"multipleOf":25}""", 25, 100)]
    public void Generate_NumericField_StaysInItsRange(string field, decimal low, decimal high)
    {
        // Arrange
        var schema = Schema(JsonNode.Parse(field)!.AsObject());

        // Act
        var value = decimal.Parse(SampleDataGenerator.Generate(schema)["f"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

        // Assert
        Assert.InRange(value, low, high);
    }

    [Theory]
    [InlineData("""{"type":"string","default":"active","enum":["pending","active"]}""", "\"active\"")]
    [InlineData("""{"type":"string","examples":["US","FR"]}""", "\"US\"")]
    [InlineData("""{"type":"string","format":"date","examples":["not a date"]}""", "\"2018-01-12\"")]
    [InlineData("""{"type":"integer","maximum":10,"default":50}""", null)]
    [InlineData("""{"type":"string","const":"fixed"}""", "\"fixed\"")]
    [InlineData("""{"type":"string","minLength":10}""", "\"stringstring\"")]
    [InlineData("""{"type":"string","maxLength":3}""", "\"str\"")]
    [InlineData("""{"type":["null","boolean"]}""", "false")]
    [InlineData("""{"type":"array","items":{"type":"string"},"minItems":2}""", "[\"string\",\"string\"]")]
    public void Generate_FieldRules_PickAFittingValue(string field, string? expected)
    {
        // Arrange
        var schema = Schema(JsonNode.Parse(field)!.AsObject());

        // Act
        var value = SampleDataGenerator.Generate(schema)["f"]!;

        // Assert
        if (expected is null)
        {
            Assert.InRange(value.GetValue<long>(), 0, 10); // the default breaks the maximum: not used
        }
        else
        {
            Assert.Equal(expected, value.ToJsonString());
        }

        Assert.Empty(XdmRecordValidator.Compile(schema).Validate(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["f"] = value.DeepClone() })));
    }

    private static JsonObject Schema(JsonObject field) =>
        new() { ["type"] = "object", ["properties"] = new JsonObject { ["f"] = field } };
}
