using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Profile;

namespace ProfilePlatform.Domain.Tests.Profile;

/// <summary><see cref="MergedRecord"/> must give, byte for byte, what applying the records one after the other with
/// <see cref="RecordMerge.Apply"/> onto an empty object gives.</summary>
public sealed class MergedRecordTests
{
    public static TheoryData<string[]> Cases => new()
    {
        { ["""{"a":1,"b":{"x":1,"y":2}}""", """{"b":{"y":3,"z":4},"c":"new"}"""] },
        { ["""{"a":null,"b":{"x":null,"y":2}}""", """{"a":1,"b":{"y":null,"z":null}}"""] },
        { ["""{"b":{"x":null}}""", """{"b":null}""", """{"c":null}"""] },
        { ["""{"b":"scalar"}""", """{"b":{"now":"object"}}""", """{"b":{"and":"merged"}}"""] },
        { ["""{"b":{"was":"object"}}""", """{"b":[1,2]}""", """{"b":{"object":"again"}}"""] },
        { ["""{"tags":["a","b"],"n":1.50}""", """{"tags":[],"n":2e3}"""] },
        {
            [
                """{"identityMap":{"Email":[{"id":"a@x.com","primary":true}],"ECID":[{"id":"1"}]}}""",
                """{"identityMap":{"email":[{"id":"b@x.com"},{"id":"a@x.com","primary":false}],"Phone":[{"id":"+1"}]}}""",
            ]
        },
        {
            [
                """{"identityMap":{"Email":[{"id":"a"},null,{"noId":true},{"id":7}]}}""",
                """{"identityMap":{"EMAIL":[{"id":"a"},{"noId":true}],"Crm":null,"Other":"notAnArray"}}""",
                """{"identityMap":{"email":[{"id":"c"}]}}""",
            ]
        },
        { ["""{"identityMap":"notAnObject"}""", """{"identityMap":{"Email":[{"id":"a"}]}}"""] },
        { ["""{"identityMap":{"Email":"notAnArray"}}""", """{"identityMap":{"Email":[{"id":"a"}]}}"""] },
        { ["""{"nested":{"identityMap":{"E":[{"id":"1"}]}}}""", """{"nested":{"identityMap":{"E":[{"id":"2"}]}}}"""] },
        { ["""{"text":"caf\u00e9 <b> & \"quotes\" \ud83d\ude00","esc\u0041ped":1}""", """{"escAped":2,"t\u00e9":"x"}"""] },
        { ["""{"identities":[{"id":"kept in place"}],"a":1}""", """{"b":2}"""] },
        { ["""{}""", """{"only":{"deep":{"deeper":[{"k":null}]}}}"""] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Merge_SameBytesAsApplyingRecordMergeInTurn(string[] lowestFirst) =>
        AssertSameAsRecordMerge(lowestFirst);

    [Fact]
    public void Merge_RandomRecords_SameBytesAsApplyingRecordMergeInTurn()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 500; i++)
        {
            var records = Enumerable.Range(0, random.Next(1, 5)).Select(_ => RandomObject(random, depth: 0).ToJsonString()).ToArray();
            AssertSameAsRecordMerge(records);
        }
    }

    [Fact]
    public void Set_ExistingTopLevelField_ReplacedInPlace_NewFieldAppended()
    {
        // Arrange
        var merged = MergedRecord.Merge([Utf8("""{"identities":[1],"a":1}""")]);

        // Act
        merged.Set("identities", w => w.WriteStringValue("mine"));
        merged.Set("z", w => w.WriteNumberValue(2));

        // Assert
        Assert.Equal("""{"identities":"mine","a":1,"z":2}""", merged.ToJsonObject().ToJsonString());
    }

    [Fact]
    public void Merge_NotAnObject_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => MergedRecord.Merge([Utf8("[1]")]));

    private static void AssertSameAsRecordMerge(string[] lowestFirst)
    {
        var expected = lowestFirst.Aggregate(new JsonObject(), (acc, r) => RecordMerge.Apply(acc, (JsonObject)JsonNode.Parse(r)!));
        var merged = MergedRecord.Merge([.. lowestFirst.Select(Utf8)]);

        // The API's encoder, through both ways of writing: the object model and the writer.
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder }))
        {
            merged.WriteTo(writer);
        }

        Assert.Equal(expected.ToJsonString(options), Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Equal(expected.ToJsonString(options), merged.ToJsonObject().ToJsonString(options));
    }

    private static ReadOnlyMemory<byte> Utf8(string json) => Encoding.UTF8.GetBytes(json);

    private static readonly string[] Names = ["a", "b", "c", "identityMap", "IDENTITYMAP", "n"];

    private static JsonObject RandomObject(Random random, int depth)
    {
        var obj = new JsonObject();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var name = Names[random.Next(Names.Length)];
            obj[name] = name == "identityMap" && random.Next(3) > 0 ? RandomIdentityMap(random) : RandomValue(random, depth + 1);
        }

        return obj;
    }

    private static JsonObject RandomIdentityMap(Random random)
    {
        var map = new JsonObject();
        foreach (var ns in new[] { "Email", "email", "ECID" }.Where(_ => random.Next(2) == 0))
        {
            map[ns] = random.Next(5) == 0
                ? JsonValue.Create("x")
                : new JsonArray([.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => (JsonNode?)new JsonObject { ["id"] = "id" + random.Next(3) })]);
        }

        return map;
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 2 ? 3 : 5) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(10)),
        2 => JsonValue.Create("s" + random.Next(3)),
        3 => RandomObject(random, depth),
        _ => new JsonArray(RandomValue(random, depth + 1), RandomValue(random, depth + 1)),
    };
}
