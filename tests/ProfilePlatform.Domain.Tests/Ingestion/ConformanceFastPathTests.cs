using System.Text;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Domain.SchemaRegistry.Validation;
using ProfilePlatform.Domain.Tests.SchemaRegistry.Validation;

namespace ProfilePlatform.Domain.Tests.Ingestion;

/// <summary>The fast path may only accept what the Schema Registry's validator finds no violation in: held to that on the
/// validator's own cases and on thousands of seeded random mutations of valid records.</summary>
public sealed class ConformanceFastPathTests
{
    private static readonly JsonObject Profile = XdmTestSchemas.ProfileSchema();
    private static readonly XdmRecordValidator ProfileValidator = XdmRecordValidator.Compile(Profile);
    private static readonly ConformanceFastPath ProfileFastPath = ConformanceFastPath.From(Profile);

    /// <summary>Keywords the fast path does not model, or models only partly, next to ordinary fields.</summary>
    private static readonly JsonObject Odd = XdmTestSchemas.Obj("""
        {"type":"object","required":["id"],"properties":{
          "id":{"type":"string"},
          "nothing":{"type":"null"},
          "either":{"type":["string","integer"]},
          "optional":{"type":["string","null"],"minLength":1},
          "free":{},
          "freeEnum":{"enum":[1,"a"]},
          "even":{"type":"integer","multipleOf":2},
          "unique":{"type":"array","uniqueItems":true,"items":{"type":"integer"}},
          "few":{"type":"array","minItems":2,"maxItems":3},
          "ratio":{"type":"number","minimum":0.5,"exclusiveMaximum":1.5},
          "legacy":{"type":"number","minimum":0,"exclusiveMinimum":true,"maximum":10,"exclusiveMaximum":true},
          "both":{"type":"integer","minimum":0,"exclusiveMinimum":0},
          "level":{"type":"integer","enum":[1,2,3]},
          "flag":{"type":"boolean","enum":[true]},
          "open":{"type":"object","additionalProperties":true,"properties":{"a":{"type":"integer"}}},
          "closed":{"type":"object","properties":{}},
          "ghost":{"type":"object","required":["missing"],"properties":{"a":{"type":"string"}}},
          "props":{"type":"object","minProperties":1,"properties":{"a":{"type":"string"}}},
          "grid":{"type":"array","items":{"type":"array","items":{"type":"number","maximum":9}}},
          "people":{"type":"object","meta:xdmType":"map","additionalProperties":{"type":"object","required":["name"],"properties":{"name":{"type":"string","maxLength":5},"age":{"type":"integer","meta:xdmType":"byte"}}}},
          "mixed":{"type":"object","additionalProperties":{"type":"string"},"properties":{"a":{"type":"integer"}}},
          "when":{"type":"string","meta:xdmType":"date-time"},
          "code":{"type":"string","pattern":"^[a-c]+$","minLength":2}
        }}
        """);

    private static readonly XdmRecordValidator OddValidator = XdmRecordValidator.Compile(Odd);
    private static readonly ConformanceFastPath OddFastPath = ConformanceFastPath.From(Odd);

    private static readonly string[] OddValid =
    [
        """{"id":"x"}""",
        """{"id":"x","either":"s","optional":"o","free":{"any":[1,null]},"few":[1,"2"],"ratio":0.5,"legacy":9.99}""",
        """{"id":"x","open":{"a":1},"closed":{},"grid":[[1,2.5],[]],"people":{"ada":{"name":"Ada","age":36}},"when":"2020-01-31T10:00:00Z","code":"abc"}""",
        """{"id":"x","even":4,"unique":[1,2],"level":2,"flag":true,"props":{"a":"b"},"mixed":{"a":1,"b":"c"},"open":{"b":"c"},"both":1}""",
    ];

    private static readonly string[] ValuePool =
    [
        "null", "true", "false", "0", "1", "-1", "2", "3", "11", "127", "128", "-129", "1.5", "0.5", "1e2", "1.0", "-0.0", "1E400",
        "2147483648", "9007199254740992", "99999999999999999999999", "0.1234567890123456789", "999999.99", "1000000",
        "\"\"", "\"a\"", "\"ab\"", "\"abc\"", "\"ABC-1234\"", "\"gold\"", "\"Gold\"", "\"female\"", "\"ambiguous\"",
        "\"2020-01-31\"", "\"2020-02-30\"", "\"2020-01-31T10:00:00Z\"", "\"2020-01-31T10:00:00\"", "\"ada@example.com\"", "\"nope\"",
        "\"https://x.example\"", "\"/relative\"", "\"éé\"", "\"ééééééééééééé\"", "\"a\\u0062c\"", "\"\\u00e9\"", "\"Ada the Countess\"",
        "[]", "[1]", "[\"vip\"]", "[null]", "[\"a\",\"b\",\"c\",\"d\"]", "[{\"id\":\"1\"}]", "[[1]]", "[1,1]",
        "{}", "{\"id\":\"1\"}", "{\"q1\":1}", "{\"name\":\"Ada\"}", "{\"a\":null}", "{\"a\":1}",
    ];

    [Fact]
    public void Accepts_ValidProfileRecord()
    {
        // Act
        var accepted = ProfileFastPath.Accepts(Encoding.UTF8.GetBytes(XdmTestSchemas.ValidRecord));

        // Assert
        Assert.True(accepted);
    }

    [Fact]
    public void Accepts_RecordsUsingKeywordsItModels_OnlyWhenValid()
    {
        // Act & Assert
        Assert.All(OddValid, json => Assert.Empty(OddValidator.Validate(Encoding.UTF8.GetBytes(json))));
        Assert.True(OddFastPath.Accepts(Encoding.UTF8.GetBytes(OddValid[0])));
        Assert.True(OddFastPath.Accepts(Encoding.UTF8.GetBytes(OddValid[2])));
    }

    [Theory]
    [InlineData("/person/name/firstName", "42")]
    [InlineData("/_acme/loyalty/points", "1.5")]
    [InlineData("/_acme/loyalty/points", "3000000000")]
    [InlineData("/_acme/loyalty/rank", "128")]
    [InlineData("/_acme/loyalty/lifetime", "9007199254740992")]
    [InlineData("/_acme/loyalty/lifetime", "-99999999999999999999999")]
    [InlineData("/_acme/loyalty/level", "11")]
    [InlineData("/_acme/loyalty/balance", "1000000")]
    [InlineData("/_acme/loyalty/tier", "\"platinum\"")]
    [InlineData("/_acme/loyalty/code", "\"abc-1234\"")]
    [InlineData("/_acme/loyalty/nickname", "\"A\"")]
    [InlineData("/_acme/loyalty/nickname", "\"Ada the Countess\"")]
    [InlineData("/_acme/loyalty/tags", "[\"a\",\"b\",\"c\",\"d\"]")]
    [InlineData("/_acme/loyalty/joined", "\"2020-02-30\"")]
    [InlineData("/_acme/loyalty/memberSince", "\"2020-01-31T10:00:00\"")]
    [InlineData("/personalEmail/address", "\"ada.example.com\"")]
    [InlineData("/_acme/loyalty/website", "\"/relative/path\"")]
    [InlineData("/identityMap/ECID/0/authenticatedState", "\"maybe\"")]
    [InlineData("/identityMap/ECID", "{\"id\":\"1\"}")]
    [InlineData("/identityMap", "[]")]
    [InlineData("/_acme/loyalty/scores/q1", "\"ten\"")]
    [InlineData("/_acme/loyalty/favouriteColour", "\"red\"")]
    [InlineData("/nickname", "\"Ada\"")]
    [InlineData("/_acme/loyalty/tags/0", "null")]
    public void Accepts_RecordBreakingOneRule_IsFalse(string pointer, string json)
    {
        // Arrange
        var record = Record(XdmTestSchemas.ValidRecord, r => Set(r, pointer, JsonNode.Parse(json)));

        // Act
        var accepted = ProfileFastPath.Accepts(record);

        // Assert
        Assert.False(accepted);
        Assert.NotEmpty(ProfileValidator.Validate(record));
    }

    [Theory]
    [InlineData("/_acme/loyalty/memberSince", "\"2024-02-29T23:59:60-12:00\"")]
    [InlineData("/_acme/loyalty/lifetime", "9007199254740991")]
    [InlineData("/_acme/loyalty/rank", "-128")]
    [InlineData("/_acme/loyalty/balance", "999999.99")]
    [InlineData("/_acme/loyalty/points", "null")]
    [InlineData("/person", "null")]
    [InlineData("/identityMap/anyNamespace", "[{\"id\":\"x\"}]")]
    [InlineData("/_acme/loyalty/scores/a.b", "1")]
    public void Accepts_EdgeValuesTheSchemaAllows(string pointer, string json)
    {
        // Arrange
        var record = Record(XdmTestSchemas.ValidRecord, r => Set(r, pointer, JsonNode.Parse(json)));

        // Act
        var accepted = ProfileFastPath.Accepts(record);

        // Assert
        Assert.True(accepted);
        Assert.Empty(ProfileValidator.Validate(record));
    }

    [Theory]
    [InlineData("""{"personID":"a","person":{"gender":"male","gender":"female"}}""")]
    [InlineData("""{"personID":"a","personID":"b"}""")]
    [InlineData("""{"_acme":{"loyalty":{"loyaltyId":"1","scores":{"q":1,"q":2}}}}""")]
    [InlineData("""{"person\u0049D":"a"}""")]
    [InlineData("""{"_acme":{"loyalty":{"loyaltyId":"1"}}} {}""")]
    [InlineData("""{"_acme":{"loyalty":{"loyaltyId":"1"}}""")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("{'personID':'x'}")]
    [InlineData("""{"_acme":{"loyalty":{}}}""")]
    public void Accepts_MalformedOrDoubtfulRecords_IsFalse(string json)
    {
        // Act
        var accepted = ProfileFastPath.Accepts(Encoding.UTF8.GetBytes(json));

        // Assert
        Assert.False(accepted);
    }

    [Fact]
    public void Accepts_CatastrophicPattern_IsFalse()
    {
        // Arrange
        var schema = XdmTestSchemas.Obj("""{"type":"object","properties":{"code":{"type":"string","pattern":"^(a+)+$"}}}""");
        var record = Encoding.UTF8.GetBytes("{\"code\":\"" + new string('a', 40) + "!\"}");

        // Act
        var accepted = ConformanceFastPath.From(schema).Accepts(record);

        // Assert
        Assert.False(accepted);
    }

    [Fact]
    public void Accepts_HostileNesting_IsFalseWithoutOverflowing()
    {
        // Arrange
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000);
        var schema = XdmTestSchemas.Obj("""{"type":"object","properties":{"a":{}}}""");

        // Act
        var accepted = ConformanceFastPath.From(schema).Accepts(Encoding.UTF8.GetBytes(deep));

        // Assert
        Assert.False(accepted);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Accepts_RandomMutationsOfProfileRecords_OnlyWhatTheValidatorAccepts(int seed)
    {
        // Act
        var (accepted, valid) = Fuzz(ProfileValidator, ProfileFastPath, [XdmTestSchemas.ValidRecord], seed, 3000);

        // Assert: the validator's word is never overruled, and the fast path takes most valid records
        Assert.True(accepted > valid / 2, $"accepted {accepted} of {valid} valid records");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Accepts_RandomMutationsOfRecordsWithUnmodelledKeywords_OnlyWhatTheValidatorAccepts(int seed)
    {
        // Act & Assert
        Fuzz(OddValidator, OddFastPath, OddValid, seed, 3000);
    }

    /// <summary>Mutates valid records at random (values from a pool, fields removed, unknown fields added, keys repeated or
    /// escaped, several changes at once) and fails on a record the fast path accepts and the validator refuses.</summary>
    private static (int Accepted, int Valid) Fuzz(XdmRecordValidator validator, ConformanceFastPath fastPath, string[] seeds, int seed, int rounds)
    {
        var random = new Random(seed);
        var accepted = 0;
        var valid = 0;
        for (var round = 0; round < rounds; round++)
        {
            var record = XdmTestSchemas.Obj(seeds[random.Next(seeds.Length)]);
            var changes = 1 + random.Next(3);
            for (var c = 0; c < changes; c++)
            {
                Mutate(record, random);
            }

            var text = record.ToJsonString();
            text = random.Next(8) switch
            {
                0 => RepeatKey(text, random),
                1 => EscapeOneKey(text, random),
                _ => text,
            };
            var bytes = Encoding.UTF8.GetBytes(text);
            var violations = validator.Validate(bytes);
            var takes = fastPath.Accepts(bytes);
            if (takes && violations.Count > 0)
            {
                Assert.Fail($"The fast path accepted a record the validator refuses ({violations[0].Message}): {text}");
            }

            valid += violations.Count == 0 ? 1 : 0;
            accepted += takes ? 1 : 0;
        }

        return (accepted, valid);
    }

    private static void Mutate(JsonObject record, Random random)
    {
        var nodes = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(record, nodes);
        if (nodes.Count == 0)
        {
            nodes.Add((record, "id", 0));
        }

        var (parent, key, index) = nodes[random.Next(nodes.Count)];
        var value = random.Next(10) == 0 ? null : JsonNode.Parse(ValuePool[random.Next(ValuePool.Length)]);
        switch (random.Next(6))
        {
            case 0 when parent is JsonObject o && key is not null:
                o.Remove(key);
                break;
            case 1 when parent is JsonObject o:
                o["extra" + random.Next(3)] = value;
                break;
            case 2 when parent is JsonArray a:
                a.Add(value);
                break;
            default:
                if (parent is JsonObject obj && key is not null)
                {
                    obj[key] = value;
                }
                else if (parent is JsonArray array)
                {
                    array[index] = value;
                }

                break;
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, string? Key, int Index)> nodes)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    nodes.Add((obj, key, 0));
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    nodes.Add((array, null, i));
                    if (array[i] is { } item)
                    {
                        Collect(item, nodes);
                    }
                }

                break;
        }
    }

    /// <summary>Repeats one key of the text: <c>"k":v</c> becomes <c>"k":1,"k":v</c>.</summary>
    private static string RepeatKey(string text, Random random)
    {
        var colons = new List<int>();
        for (var at = text.IndexOf("\":", StringComparison.Ordinal); at >= 0; at = text.IndexOf("\":", at + 1, StringComparison.Ordinal))
        {
            colons.Add(at);
        }

        if (colons.Count == 0)
        {
            return text;
        }

        var quote = colons[random.Next(colons.Count)];
        var name = text[(text.LastIndexOf('"', quote - 1) + 1)..quote];
        return text[..(quote + 2)] + "1,\"" + name + "\":" + text[(quote + 2)..];
    }

    /// <summary>Writes one key's first letter as a \u escape: the same name, spelled differently.</summary>
    private static string EscapeOneKey(string text, Random random)
    {
        var keys = new List<int>();
        for (var at = text.IndexOf("\":", StringComparison.Ordinal); at >= 0; at = text.IndexOf("\":", at + 1, StringComparison.Ordinal))
        {
            var start = text.LastIndexOf('"', at - 1) + 1;
            if (start < at && char.IsAsciiLetter(text[start]))
            {
                keys.Add(start);
            }
        }

        if (keys.Count == 0)
        {
            return text;
        }

        var position = keys[random.Next(keys.Count)];
        return text[..position] + $"\\u{(int)text[position]:x4}" + text[(position + 1)..];
    }

    private static byte[] Record(string json, Action<JsonObject> change)
    {
        var record = XdmTestSchemas.Obj(json);
        change(record);
        return Encoding.UTF8.GetBytes(record.ToJsonString());
    }

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
