using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry.Validation;

namespace ProfilePlatform.Domain.Tests.SchemaRegistry.Validation;

public sealed class XdmRecordValidatorTests
{
    private static readonly XdmRecordValidator Sut = XdmRecordValidator.Compile(XdmTestSchemas.ProfileSchema());

    [Fact]
    public void Validate_ValidProfileRecord_HasNoViolations()
    {
        // Arrange
        using var record = JsonDocument.Parse(XdmTestSchemas.ValidRecord);

        // Act
        var fromElement = Sut.Validate(record.RootElement);
        var fromBytes = Sut.Validate(Encoding.UTF8.GetBytes(XdmTestSchemas.ValidRecord));

        // Assert
        Assert.Empty(fromElement);
        Assert.Empty(fromBytes);
        Assert.Equal(XdmTestSchemas.SchemaId, Sut.SchemaId);
    }

    [Theory]
    [InlineData("/person/name/firstName", "42", XdmViolationKind.Type, "must be a string; found the number 42")]
    [InlineData("/person", "\"Ada\"", XdmViolationKind.Type, "must be an object; found the string \"Ada\"")]
    [InlineData("/_acme/loyalty/points", "\"many\"", XdmViolationKind.Type, "an integer (XDM type 'int')")]
    [InlineData("/_acme/loyalty/points", "1.5", XdmViolationKind.Type, "found the number 1.5")]
    [InlineData("/_acme/loyalty/active", "\"yes\"", XdmViolationKind.Type, "must be a boolean")]
    [InlineData("/_acme/loyalty/tags", "\"vip\"", XdmViolationKind.Type, "must be an array")]
    [InlineData("/identityMap/ECID", "{\"id\":\"1\"}", XdmViolationKind.Type, "must be an array; found an object")]
    [InlineData("/identityMap", "[]", XdmViolationKind.Type, "must be a map")]
    [InlineData("/_acme/loyalty/points", "3000000000", XdmViolationKind.Maximum, "at most 2147483647 (the range of XDM type 'int')")]
    [InlineData("/_acme/loyalty/points", "-2147483649", XdmViolationKind.Minimum, "at least -2147483648")]
    [InlineData("/_acme/loyalty/rank", "128", XdmViolationKind.Maximum, "at most 127 (the range of XDM type 'byte')")]
    [InlineData("/person/birthYear", "40000", XdmViolationKind.Maximum, "at most 32767 (the range of XDM type 'short')")]
    [InlineData("/_acme/loyalty/lifetime", "9007199254740992", XdmViolationKind.Maximum, "at most 9007199254740991")]
    [InlineData("/_acme/loyalty/lifetime", "-99999999999999999999999", XdmViolationKind.Minimum, "at least -9007199254740991")]
    [InlineData("/_acme/loyalty/level", "11", XdmViolationKind.Maximum, "at most 10; found the number 11")]
    [InlineData("/_acme/loyalty/level", "-1", XdmViolationKind.Minimum, "at least 0; found the number -1")]
    [InlineData("/_acme/loyalty/balance", "1000000", XdmViolationKind.Maximum, "less than 1000000")]
    [InlineData("/_acme/loyalty/tier", "\"platinum\"", XdmViolationKind.Enum, "must be one of [\"gold\", \"silver\", \"bronze\"]; found the string \"platinum\"")]
    [InlineData("/person/gender", "\"robot\"", XdmViolationKind.Enum, "\"not_specified\"")]
    [InlineData("/_acme/loyalty/code", "\"abc-1234\"", XdmViolationKind.Pattern, "must match the pattern \"^[A-Z]{3}-[0-9]{4}$\"")]
    [InlineData("/_acme/loyalty/nickname", "\"A\"", XdmViolationKind.MinLength, "at least 2 characters; found 1")]
    [InlineData("/_acme/loyalty/nickname", "\"Ada the Countess\"", XdmViolationKind.MaxLength, "at most 12 characters; found 16")]
    [InlineData("/_acme/loyalty/tags", "[\"a\",\"b\",\"c\",\"d\"]", XdmViolationKind.MaxItems, "at most 3 items; found 4")]
    [InlineData("/_acme/loyalty/joined", "\"2020-02-30\"", XdmViolationKind.Format, "must be a date (RFC 3339 full-date")]
    [InlineData("/person/birthDate", "\"10/12/1815\"", XdmViolationKind.Format, "must be a date")]
    [InlineData("/_acme/loyalty/memberSince", "\"2020-01-31\"", XdmViolationKind.Format, "must be a date-time (RFC 3339")]
    [InlineData("/_acme/loyalty/memberSince", "\"2020-01-31T10:00:00\"", XdmViolationKind.Format, "date-time")]
    [InlineData("/_acme/loyalty/memberSince", "\"2019\"", XdmViolationKind.Format, "date-time")]
    [InlineData("/_acme/loyalty/memberSince", "\"2020-01-31T24:00:00Z\"", XdmViolationKind.Format, "date-time")]
    [InlineData("/personalEmail/address", "\"ada.example.com\"", XdmViolationKind.Format, "must be an email address")]
    [InlineData("/_acme/loyalty/website", "\"/relative/path\"", XdmViolationKind.Format, "must be an absolute URI")]
    [InlineData("/identityMap/ECID/0/authenticatedState", "\"maybe\"", XdmViolationKind.Enum, "\"authenticated\"")]
    [InlineData("/identityMap/ECID/0/primary", "\"true\"", XdmViolationKind.Type, "must be a boolean")]
    [InlineData("/_acme/loyalty/tags/0", "5", XdmViolationKind.Type, "must be a string")]
    [InlineData("/_acme/loyalty/scores/q1", "\"ten\"", XdmViolationKind.Type, "an integer (XDM type 'int')")]
    [InlineData("/_acme/loyalty/favouriteColour", "\"red\"", XdmViolationKind.UnknownField, "is not defined in the schema")]
    [InlineData("/nickname", "\"Ada\"", XdmViolationKind.UnknownField, "is not defined in the schema")]
    [InlineData("/person/name/nick", "\"Ada\"", XdmViolationKind.UnknownField, "is not defined in the schema")]
    public void Validate_OneBrokenRule_ReportsItsFieldKindAndExpectation(string pointer, string json, XdmViolationKind kind, string mentions)
    {
        // Arrange
        var record = Record(r => Set(r, pointer, JsonNode.Parse(json)));

        // Act
        var violations = Sut.Validate(Bytes(record));

        // Assert
        var violation = Assert.Single(violations);
        Assert.Equal(pointer, violation.Path);
        Assert.Equal(kind, violation.Kind);
        Assert.Contains($"Field '{pointer}'", violation.Message, StringComparison.Ordinal);
        Assert.Contains(mentions, violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/_acme/loyalty/memberSince", "\"2020-01-31T10:00:00.123456Z\"")]
    [InlineData("/_acme/loyalty/memberSince", "\"2020-01-31t10:00:00z\"")]
    [InlineData("/_acme/loyalty/memberSince", "\"2024-02-29T23:59:60-12:00\"")]
    [InlineData("/_acme/loyalty/joined", "\"2024-02-29\"")]
    [InlineData("/_acme/loyalty/lifetime", "9007199254740991")]
    [InlineData("/_acme/loyalty/rank", "-128")]
    [InlineData("/_acme/loyalty/balance", "999999.99")]
    [InlineData("/_acme/loyalty/points", "null")]
    [InlineData("/person", "null")]
    [InlineData("/identityMap/anyNamespace", "[{\"id\":\"x\"}]")]
    [InlineData("/_acme/loyalty/scores/a.b", "1")]
    public void Validate_EdgeValuesTheSchemaAllows_AreValid(string pointer, string json)
    {
        // Arrange
        var record = Record(r => Set(r, pointer, JsonNode.Parse(json)));

        // Act
        var violations = Sut.Validate(Bytes(record));

        // Assert
        Assert.Empty(violations);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    public void Validate_RequiredFieldMissingOrNull_ReportsRequiredAtItsPath(string? value)
    {
        // Arrange
        var record = Record(r =>
        {
            var loyalty = r["_acme"]!["loyalty"]!.AsObject();
            loyalty.Remove("loyaltyId");
            if (value is not null)
            {
                loyalty["loyaltyId"] = null;
            }
        });

        // Act
        var violation = Assert.Single(Sut.Validate(Bytes(record)));

        // Assert
        Assert.Equal("/_acme/loyalty/loyaltyId", violation.Path);
        Assert.Equal(XdmViolationKind.Required, violation.Kind);
        Assert.Equal("required", violation.Keyword);
        Assert.Contains("is required", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralViolations_ReportsEveryOne()
    {
        // Arrange
        var record = Record(r =>
        {
            Set(r, "/person/name/firstName", 1);
            Set(r, "/person/gender", "robot");
            Set(r, "/personalEmail/address", "nope");
            Set(r, "/identityMap/ECID/0/primary", "yes");
            Set(r, "/_acme/loyalty/points", 1.25);
            Set(r, "/_acme/loyalty/extra", true);
            Set(r, "/unknownTop", 1);
            r["_acme"]!["loyalty"]!.AsObject().Remove("loyaltyId");
        });

        // Act
        var violations = Sut.Validate(Bytes(record));

        // Assert
        Assert.Equal(
            new SortedSet<string>(StringComparer.Ordinal)
            {
                "/person/name/firstName", "/person/gender", "/personalEmail/address", "/identityMap/ECID/0/primary",
                "/_acme/loyalty/points", "/_acme/loyalty/extra", "/unknownTop", "/_acme/loyalty/loyaltyId",
            },
            new SortedSet<string>(violations.Select(v => v.Path), StringComparer.Ordinal));
        Assert.Equal(8, violations.Count);
        Assert.Equal(XdmViolationKind.UnknownField, violations.Single(v => v.Path == "/unknownTop").Kind);
        Assert.Equal("additionalProperties", violations.Single(v => v.Path == "/unknownTop").Keyword);
    }

    [Fact]
    public void Validate_JsonElementAndBytes_AgreeOnViolations()
    {
        // Arrange
        var record = Record(r =>
        {
            Set(r, "/person/birthDate", "yesterday");
            Set(r, "/_acme/loyalty/tier", "tin");
        });
        using var document = JsonDocument.Parse(record.ToJsonString());

        // Act
        var fromElement = Sut.Validate(document.RootElement);
        var fromBytes = Sut.Validate(Bytes(record));

        // Assert
        Assert.Equal(2, fromBytes.Count);
        Assert.Equal(fromBytes, fromElement);
    }

    [Fact]
    public void Validate_MapKeyWithSlashAndTilde_IsEscapedInThePointer()
    {
        // Arrange
        var record = Record(r => r["_acme"]!["loyalty"]!["scores"] = new JsonObject { ["a/b~c"] = "x" });

        // Act
        var violation = Assert.Single(Sut.Validate(Bytes(record)));

        // Assert
        Assert.Equal("/_acme/loyalty/scores/a~1b~0c", violation.Path);
    }

    [Fact]
    public void Validate_ThousandsOfBadArrayItems_ReportsEachAtItsIndex()
    {
        // Arrange
        var items = new JsonArray([.. Enumerable.Range(0, 5000).Select(i => (JsonNode)new JsonObject { ["id"] = i })]);
        var record = Record(r => r["identityMap"]!["ECID"] = items);

        // Act
        var violations = Sut.Validate(Bytes(record));

        // Assert
        Assert.Equal(5000, violations.Count);
        Assert.Equal("/identityMap/ECID/0/id", violations[0].Path);
        Assert.Equal("/identityMap/ECID/4999/id", violations[^1].Path);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"profile\"", "the string")]
    [InlineData("42", "the number 42")]
    [InlineData("null", "null")]
    public void Validate_RootIsNotAnObject_ReportsTheRecord(string json, string found)
    {
        // Act
        using var document = JsonDocument.Parse(json);
        var fromBytes = Assert.Single(Sut.Validate(Encoding.UTF8.GetBytes(json)));
        var fromElement = Assert.Single(Sut.Validate(document.RootElement));

        // Assert
        Assert.Equal("", fromBytes.Path);
        Assert.Equal(XdmViolationKind.Type, fromBytes.Kind);
        Assert.StartsWith("The record must be an object; found " + found, fromBytes.Message, StringComparison.Ordinal);
        Assert.Equal(fromBytes, fromElement);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{\"personID\":", "not valid JSON")]
    [InlineData("{} {}", "not valid JSON")]
    [InlineData("  ", "not valid JSON")]
    [InlineData("{'personID':'x'}", "not valid JSON")]
    public void Validate_BytesThatAreNotOneJsonValue_ReportOneMalformedViolation(string text, string mentions)
    {
        // Act
        var violation = Assert.Single(Sut.Validate(Encoding.UTF8.GetBytes(text)));

        // Assert
        Assert.Equal(XdmViolationKind.Malformed, violation.Kind);
        Assert.Contains(mentions, violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RepeatedKey_IsMalformedAtThatKey()
    {
        // Arrange
        var json = """{"personID":"a","person":{"gender":"male","gender":"female"}}""";

        // Act
        var violation = Assert.Single(Sut.Validate(Encoding.UTF8.GetBytes(json)));

        // Assert
        Assert.Equal("/person/gender", violation.Path);
        Assert.Equal(XdmViolationKind.Malformed, violation.Kind);
    }

    [Fact]
    public void Validate_HostileNesting_StopsWithOneViolationInsteadOfOverflowing()
    {
        // Arrange: 100 000 levels as bytes, 1 000 as a parsed element
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000);
        var lessDeep = string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000);
        using var document = JsonDocument.Parse(lessDeep, new JsonDocumentOptions { MaxDepth = 2000 });

        // Act
        var fromBytes = Sut.Validate(Encoding.UTF8.GetBytes(deep));
        var fromElement = Sut.Validate(document.RootElement);

        // Assert
        Assert.Equal(XdmViolationKind.Malformed, Assert.Single(fromBytes).Kind);
        Assert.Contains("deeper than", Assert.Single(fromElement).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HugeStrings_AreCheckedAndShortenedInMessages()
    {
        // Arrange: 5 MB in a free-text field (valid) and in a date field (invalid)
        var huge = new string('x', 5_000_000);
        var record = Record(r =>
        {
            Set(r, "/person/name/firstName", huge);
            Set(r, "/person/birthDate", huge);
        });

        // Act
        var violation = Assert.Single(Sut.Validate(Bytes(record)));

        // Assert
        Assert.Equal("/person/birthDate", violation.Path);
        Assert.Equal(XdmViolationKind.Format, violation.Kind);
        Assert.True(violation.Message.Length < 300, violation.Message);
        Assert.Contains("(5000000 characters)", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CatastrophicPattern_IsCutOffAndRejectsTheValue()
    {
        // Arrange: (a+)+$ backtracks exponentially on a run of a's followed by another character
        var schema = XdmTestSchemas.Obj("""{"type":"object","properties":{"code":{"type":"string","pattern":"^(a+)+$"}}}""");
        var sut = XdmRecordValidator.Compile(schema);
        var record = JsonSerializer.SerializeToUtf8Bytes(new { code = new string('a', 40) + "!" });

        // Act
        var violation = Assert.Single(sut.Validate(record));

        // Assert
        Assert.Equal(XdmViolationKind.Pattern, violation.Kind);
        Assert.Contains("within", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_InvalidPattern_ThrowsNamingTheField()
    {
        // Arrange
        var schema = XdmTestSchemas.Obj("""{"type":"object","properties":{"_acme":{"type":"object","properties":{"code":{"type":"string","pattern":"([a-z"}}}}}""");

        // Act
        var ex = Assert.Throws<AepException>(() => XdmRecordValidator.Compile(schema));

        // Assert
        Assert.Same(ErrorCatalog.SchemaRegistry.InvalidResource, ex.Error);
        Assert.Contains("/properties/_acme/properties/code", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ObjectWithoutDeclaredFields_RejectsAnyKeyButMapTakesAny()
    {
        // Arrange
        var sut = XdmRecordValidator.Compile(XdmTestSchemas.Obj("""
            {"type":"object","properties":{
              "empty":{"type":"object","properties":{}},
              "open":{"type":"object","additionalProperties":true},
              "labels":{"type":"object","meta:xdmType":"map","additionalProperties":{"type":"string"}}}}
            """));
        var record = Encoding.UTF8.GetBytes("""{"empty":{"x":1},"open":{"y":2},"labels":{"any key":"v"}}""");

        // Act
        var violation = Assert.Single(sut.Validate(record));

        // Assert
        Assert.Equal("/empty/x", violation.Path);
        Assert.Equal(XdmViolationKind.UnknownField, violation.Kind);
    }

    private static JsonObject Record(Action<JsonObject> change)
    {
        var record = XdmTestSchemas.Obj(XdmTestSchemas.ValidRecord);
        change(record);
        return record;
    }

    private static byte[] Bytes(JsonObject record) => Encoding.UTF8.GetBytes(record.ToJsonString());

    /// <summary>Sets the value at a JSON pointer, creating objects on the way.</summary>
    private static void Set(JsonObject record, string pointer, JsonNode? value)
    {
        var segments = pointer[1..].Split('/');
        JsonNode parent = record;
        foreach (var segment in segments[..^1])
        {
            parent = parent is JsonArray array ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : parent[segment] ??= new JsonObject();
        }

        if (parent is JsonArray list)
        {
            list[int.Parse(segments[^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent[segments[^1]] = value;
        }
    }
}
