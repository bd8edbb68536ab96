using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>Reads a YAML document into JSON, typing plain scalars by the YAML 1.2 core schema.</summary>
/// <remarks>
/// NSwag's own YAML reader turns every scalar into a string, so an example's <c>"etag": 1</c> or an
/// <c>enum: [true]</c> would reach the validator as <c>"1"</c> and <c>"true"</c>. Here only plain (unquoted)
/// scalars are typed (null, booleans, integers, floats); quoted and block scalars stay strings, and
/// dates stay strings as JSON has no date type.
/// </remarks>
internal static partial class YamlToJson
{
    public static JToken Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count != 1)
        {
            throw new InvalidDataException($"Expected one YAML document, found {stream.Documents.Count}.");
        }

        return Convert(stream.Documents[0].RootNode);
    }

    private static JToken Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping),
        YamlSequenceNode sequence => new JArray(sequence.Children.Select(Convert)),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new InvalidDataException($"Unsupported YAML node {node.NodeType} at {node.Start}."),
    };

    private static JObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JObject();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } k }
                ? k
                : throw new InvalidDataException($"Non-scalar mapping key at {keyNode.Start}.");
            if (result.ContainsKey(key))
            {
                throw new InvalidDataException($"Duplicate key '{key}' at {keyNode.Start}.");
            }

            result[key] = Convert(valueNode);
        }

        return result;
    }

    private static JValue ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain || scalar.Tag == "tag:yaml.org,2002:str")
        {
            return new JValue(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => JValue.CreateNull(),
            "true" or "True" or "TRUE" => new JValue(true),
            "false" or "False" or "FALSE" => new JValue(false),
            _ when IntegerPattern().IsMatch(text) => ParseInteger(text),
            _ when FloatPattern().IsMatch(text) => new JValue(double.Parse(text, CultureInfo.InvariantCulture)),
            _ => new JValue(text),
        };
    }

    private static JValue ParseInteger(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? new JValue(value)
            : new JValue(BigInteger.Parse(text, CultureInfo.InvariantCulture));

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
