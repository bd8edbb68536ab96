using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProfilePlatform.Domain.SchemaRegistry.Library;

/// <summary>
/// Expands the library's compact field listing into XDM JSON Schema <c>properties</c>.
/// </summary>
/// <remarks>
/// One field per line: <c>path  type  Title</c>. Blank lines and lines starting with <c>#</c> are ignored.
/// <list type="bullet">
/// <item><c>path</c>: dotted; every parent must be declared first as an <c>object</c> or an <c>object[]</c> (the
/// path then continues into the array's items).</item>
/// <item><c>type</c>: <c>string</c>, <c>short</c>, <c>int</c>, <c>long</c>, <c>number</c>, <c>boolean</c>, <c>object</c>,
/// <c>date</c>, <c>date-time</c> (string + format, <c>meta:xdmType</c> date/date-time), <c>email</c>, <c>uri</c>,
/// <c>uri-reference</c> (string + format), <c>enum(a|b|c)</c> (string with <c>enum</c>),
/// <c>@context/person</c> (a <c>$ref</c> to a data type; ids not starting with <c>http</c> are under
/// <c>https://ns.adobe.com/xdm/</c>), <c>map&lt;T&gt;</c> (an XDM map of T) and a <c>[]</c> suffix for an array of T.</item>
/// <item><c>Title</c>: the rest of the line (required).</item>
/// </list>
/// </remarks>
internal static partial class XdmFieldSyntax
{
    public const string XdmNamespace = "https://ns.adobe.com/xdm/";

    [GeneratedRegex(@"^(?<path>\S+)\s+(?<type>\S+)\s+(?<title>\S.*)$")]
    private static partial Regex FieldLine();

    /// <summary>A full <c>$id</c> from the short form used in the listings (<c>context/person</c>).</summary>
    public static string ExpandId(string id) =>
        id.StartsWith("http", StringComparison.Ordinal) ? id : XdmNamespace + id;

    /// <summary>The <c>properties</c> object the listing describes.</summary>
    public static JsonObject Parse(string listing, string resourceId)
    {
        var root = new JsonObject();
        var lineNumber = 0;
        foreach (var raw in listing.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = FieldLine().Match(line);
            if (!match.Success)
            {
                throw Invalid(resourceId, lineNumber, $"expected 'path type Title', got '{line}'");
            }

            var segments = match.Groups["path"].Value.Split('.');
            var parent = root;
            foreach (var segment in segments[..^1])
            {
                var container = parent[segment] as JsonObject;
                var children = container?["properties"] as JsonObject ?? container?["items"]?["properties"] as JsonObject;
                if (children is null)
                {
                    throw Invalid(resourceId, lineNumber, $"parent '{segment}' is not a declared object");
                }

                parent = children;
            }

            var name = segments[^1];
            if (parent.ContainsKey(name))
            {
                throw Invalid(resourceId, lineNumber, $"'{name}' is declared twice");
            }

            JsonObject field;
            try
            {
                field = Type(match.Groups["type"].Value);
            }
            catch (FormatException ex)
            {
                throw Invalid(resourceId, lineNumber, ex.Message);
            }

            var titled = new JsonObject { ["title"] = match.Groups["title"].Value.Trim() };
            foreach (var (key, value) in field)
            {
                titled[key] = value?.DeepClone();
            }

            parent[name] = titled;
        }

        return root;
    }

    /// <summary>The schema of one type expression.</summary>
    public static JsonObject Type(string expression)
    {
        if (expression.EndsWith("[]", StringComparison.Ordinal))
        {
            return new JsonObject
            {
                ["type"] = "array",
                ["meta:xdmType"] = "array",
                ["items"] = Type(expression[..^2]),
            };
        }

        if (expression.StartsWith("map<", StringComparison.Ordinal) && expression.EndsWith('>'))
        {
            return new JsonObject
            {
                ["type"] = "object",
                ["meta:xdmType"] = "map",
                ["additionalProperties"] = Type(expression[4..^1]),
            };
        }

        if (expression.StartsWith('@'))
        {
            return new JsonObject
            {
                ["$ref"] = ExpandId(expression[1..]),
                ["type"] = "object",
                ["meta:xdmType"] = "object",
            };
        }

        if (expression.StartsWith("enum(", StringComparison.Ordinal) && expression.EndsWith(')'))
        {
            var values = new JsonArray();
            foreach (var value in expression[5..^1].Split('|'))
            {
                values.Add(value);
            }

            return new JsonObject { ["type"] = "string", ["meta:xdmType"] = "string", ["enum"] = values };
        }

        return expression switch
        {
            "string" => Primitive("string", "string"),
            "short" => Primitive("integer", "short"),
            "int" => Primitive("integer", "int"),
            "long" => Primitive("integer", "long"),
            "number" => Primitive("number", "number"),
            "boolean" => Primitive("boolean", "boolean"),
            "date" => Primitive("string", "date", "date"),
            "date-time" => Primitive("string", "date-time", "date-time"),
            "email" => Primitive("string", "string", "email"),
            "uri" => Primitive("string", "string", "uri"),
            "uri-reference" => Primitive("string", "string", "uri-reference"),
            "object" => new JsonObject { ["type"] = "object", ["meta:xdmType"] = "object", ["properties"] = new JsonObject() },
            _ => throw new FormatException($"unknown type '{expression}'"),
        };
    }

    private static JsonObject Primitive(string type, string xdmType, string? format = null)
    {
        var schema = new JsonObject { ["type"] = type };
        if (format is not null)
        {
            schema["format"] = format;
        }

        schema["meta:xdmType"] = xdmType;
        return schema;
    }

    private static InvalidOperationException Invalid(string resourceId, int line, string message) =>
        new($"XDM library resource '{resourceId}', field line {line}: {message}.");
}
