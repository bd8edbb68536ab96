using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>How the files of a batch are written (catalog.yaml <c>inputFormat</c>): <c>json</c> (one record per line
/// unless <c>isMultiLineJson</c>), <c>csv</c> with its delimiter, quote, escape, null marker, header and charset,
/// <c>parquet</c> or <c>avro</c>. A batch created without one is <c>parquet</c> (help/catalog/api/create-batch.md).</summary>
public sealed record BatchInputFormat(
    string Format,
    bool? IsMultiLineJson = null,
    string? Delimiter = null,
    string? Quote = null,
    string? Escape = null,
    string? NullMarker = null,
    bool? Header = null,
    string? Charset = null)
{
    public static readonly IReadOnlyList<string> Formats = ["csv", "parquet", "json", "avro"];
    public static readonly IReadOnlyList<string> Charsets = ["US-ASCII", "UTF-8", "ISO-8859-1"];

    public static BatchInputFormat Default { get; } = new("parquet");

    /// <summary>Reads <c>inputFormat</c> from a request body (a 400 names the field that cannot be accepted).</summary>
    public static BatchInputFormat Parse(JsonNode? node, string path = "inputFormat")
    {
        if (node is null)
        {
            return Default;
        }

        if (node is not JsonObject o)
        {
            throw CatalogJson.Invalid($"Field '{path}' must be an object, e.g. {{\"format\":\"json\"}}; it is {CatalogJson.Kind(node)}.");
        }

        var format = CatalogJson.OptionalString(o["format"], path + ".format") ?? "parquet";
        if (!Formats.Contains(format, StringComparer.Ordinal))
        {
            throw CatalogJson.Invalid($"Field '{path}.format' is '{Short(format)}': use one of {string.Join(", ", Formats)}.");
        }

        var charset = CatalogJson.OptionalString(o["charset"], path + ".charset");
        if (charset is not null && !Charsets.Contains(charset, StringComparer.Ordinal))
        {
            throw CatalogJson.Invalid($"Field '{path}.charset' is '{Short(charset)}': use one of {string.Join(", ", Charsets)}.");
        }

        return new BatchInputFormat(
            format,
            Bool(o["isMultiLineJson"], path + ".isMultiLineJson"),
            Character(o["delimiter"], path + ".delimiter"),
            Character(o["quote"], path + ".quote"),
            Character(o["escape"], path + ".escape"),
            CatalogJson.OptionalString(o["nullMarker"], path + ".nullMarker") is { } marker ? Short(marker, 64, path + ".nullMarker") : null,
            Bool(o["header"], path + ".header"),
            charset);
    }

    /// <summary>The wire form; <c>header</c> is a string, as catalog.yaml types it.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["format"] = Format };
        if (IsMultiLineJson is { } multi)
        {
            json["isMultiLineJson"] = multi;
        }

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                json[name] = value;
            }
        }

        Add("delimiter", Delimiter);
        Add("quote", Quote);
        Add("escape", Escape);
        Add("nullMarker", NullMarker);
        Add("header", Header is { } h ? (h ? "true" : "false") : null);
        Add("charset", Charset);
        return json;
    }

    private static bool? Bool(JsonNode? node, string path) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        // catalog.yaml types header as a string ("true"); accept both spellings.
        JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var b) => b,
        _ => throw CatalogJson.Invalid($"Field '{path}' must be true or false; it is {CatalogJson.Kind(node)}."),
    };

    private static string? Character(JsonNode? node, string path)
    {
        var text = CatalogJson.OptionalString(node, path);
        return text is null || text.Length == 1
            ? text
            : throw CatalogJson.Invalid($"Field '{path}' must be a single character; it is {text.Length} characters long.");
    }

    private static string Short(string text, int max, string path) =>
        text.Length <= max ? text : throw CatalogJson.Invalid($"Field '{path}' is {text.Length} characters long; at most {max} are accepted.");

    private static string Short(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
