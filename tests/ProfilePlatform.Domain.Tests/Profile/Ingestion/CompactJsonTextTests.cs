using System.Text;
using System.Text.Json;
using ProfilePlatform.Domain.Profile.Ingestion;

namespace ProfilePlatform.Domain.Tests.Profile.Ingestion;

public sealed class CompactJsonTextTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void EveryPrintableAsciiCharacter_InAString_AsWrittenOnlyWhenTheSerializerKeepsIt()
    {
        for (var c = 0x20; c < 0x7F; c++)
        {
            // Arrange: the character in a string value and in a property name
            var text = c == '"' || c == '\\' ? $"{{\"a\":\"x\\{(char)c}y\"}}" : $"{{\"k{(char)c}\":\"x{(char)c}y\"}}";
            var bytes = Encoding.UTF8.GetBytes(text);

            // Act
            var asWritten = CompactJsonText.IsAsWritten(bytes);

            // Assert: claimed unchanged → really unchanged
            var written = JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(bytes).RootElement);
            if (asWritten)
            {
                Assert.Equal(text, Encoding.UTF8.GetString(written));
            }
        }
    }

    [Theory]
    [InlineData("""{"a":1,"b":[true,false,null,1.50,-2e3],"c":{"d":"x@y.com"}}""", true)]
    [InlineData("""{"a": 1}""", false)]
    [InlineData("""{"a":"Zoë"}""", false)]
    [InlineData("""{"a":"+1555"}""", false)]
    [InlineData("""{"a":"\u0041"}""", false)]
    [InlineData("""{"a":"<b>"}""", false)]
    [InlineData("{\"a\":1}\n", false)]
    [InlineData("\uFEFF{\"a\":1}", false)]
    public void Record_AsWritten_ExactlyWhenTheSerializerWritesItBackUnchanged(string text, bool expected)
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(text);

        // Act
        var asWritten = CompactJsonText.IsAsWritten(bytes);

        // Assert
        Assert.Equal(expected, asWritten);
        if (!text.StartsWith('\uFEFF'))
        {
            Assert.Equal(expected, Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(bytes).RootElement)) == text);
        }
    }

    [Fact]
    public void RandomRecords_AsWritten_ImpliesUnchanged()
    {
        // Arrange: objects with random printable ASCII keys and values, some with spaces between tokens
        var random = new Random(7);
        for (var n = 0; n < 2000; n++)
        {
            var fields = Enumerable.Range(0, random.Next(1, 6)).Select(i => $"{JsonSerializer.Serialize($"k{i}{Random(random)}", Relaxed)}:{(random.Next(3) == 0 ? random.Next(-100, 100).ToString(System.Globalization.CultureInfo.InvariantCulture) : JsonSerializer.Serialize(Random(random), Relaxed))}");
            var text = "{" + string.Join(random.Next(4) == 0 ? ", " : ",", fields) + "}";
            var bytes = Encoding.UTF8.GetBytes(text);

            // Act
            var asWritten = CompactJsonText.IsAsWritten(bytes);

            // Assert
            var written = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(bytes).RootElement));
            Assert.True(!asWritten || written == text, text);
        }
    }

    private static string Random(Random random) =>
        new([.. Enumerable.Range(0, random.Next(0, 8)).Select(_ => random.Next(5) == 0 ? "é+<&'`\\\"~ "[random.Next(10)] : (char)random.Next(0x20, 0x7F))]);
}
