using System.Buffers;
using System.Text.Json;

namespace ProfilePlatform.Domain.Streaming;

/// <summary>One streaming message in the XDM envelope (streaming-ingestion.yaml <c>streamingMessage</c>): <c>header</c> with
/// <c>schemaRef</c>, <c>imsOrgId</c>, <c>datasetId</c>, <c>flowId</c>, <c>source</c>; <c>body</c> with <c>xdmMeta.schemaRef</c> and
/// <c>xdmEntity</c>. The entity is kept as compact JSON on one line, the form records are stored in.</summary>
public sealed record StreamingEnvelope(string SchemaId, string? ImsOrgId, string DatasetId, string? FlowId, string? SourceName, byte[] Entity)
{
    /// <summary>Reads a message; a <see cref="StreamingMessageException"/> names what is missing or malformed.</summary>
    public static StreamingEnvelope Read(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            throw new StreamingMessageException("Message has unknown xdm format: a message is a JSON object with 'header' and 'body'.");
        }

        if (!message.TryGetProperty("header", out var header) || header.ValueKind != JsonValueKind.Object
            || !message.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
        {
            throw new StreamingMessageException("Message has unknown xdm format: 'header' and 'body' must both be objects.");
        }

        var schemaId = SchemaRefId(header, "header.schemaRef");
        var datasetId = Text(header, "datasetId", "header.datasetId", required: true)!;
        var imsOrgId = Text(header, "imsOrgId", "header.imsOrgId", required: false);
        var flowId = Text(header, "flowId", "header.flowId", required: false);
        string? sourceName = null;
        if (header.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object)
        {
            sourceName = Text(source, "name", "header.source.name", required: false);
        }

        if (!body.TryGetProperty("xdmMeta", out var meta) || meta.ValueKind != JsonValueKind.Object)
        {
            throw new StreamingMessageException("Message has unknown xdm format: 'body.xdmMeta' with 'schemaRef' is required.");
        }

        var metaSchemaId = SchemaRefId(meta, "body.xdmMeta.schemaRef");
        if (!string.Equals(metaSchemaId, schemaId, StringComparison.Ordinal))
        {
            throw new StreamingMessageException($"'body.xdmMeta.schemaRef.id' ({Short(metaSchemaId)}) must equal 'header.schemaRef.id' ({Short(schemaId)}).");
        }

        if (!body.TryGetProperty("xdmEntity", out var entity) || entity.ValueKind != JsonValueKind.Object)
        {
            throw new StreamingMessageException("Message has unknown xdm format: 'body.xdmEntity' must be an object holding the record.");
        }

        return new StreamingEnvelope(schemaId, imsOrgId, datasetId, flowId, sourceName, Compact(entity));
    }

    private static string SchemaRefId(JsonElement parent, string path)
    {
        if (!parent.TryGetProperty("schemaRef", out var schemaRef) || schemaRef.ValueKind != JsonValueKind.Object)
        {
            throw new StreamingMessageException($"'{path}' is required: {{\"id\": the schema's $id, \"contentType\": \"application/vnd.adobe.xed-full+json;version=1\"}}.");
        }

        return Text(schemaRef, "id", path + ".id", required: true)!;
    }

    private static string? Text(JsonElement parent, string name, string path, bool required)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new StreamingMessageException($"'{path}' is required.") : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new StreamingMessageException($"'{path}' must be a string.");
        }

        var text = value.GetString()!;
        if (required && text.Length == 0)
        {
            throw new StreamingMessageException($"'{path}' must not be empty.");
        }

        return text.Length <= 1024 ? text : throw new StreamingMessageException($"'{path}' is longer than 1024 characters.");
    }

    private static byte[] Compact(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            element.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    internal static string Short(string value) => value.Length <= 120 ? value : value[..120] + "...";
}

/// <summary>A message that cannot be taken as sent; the message says why, as DCS's message-level failures do.</summary>
public sealed class StreamingMessageException : Exception
{
    public StreamingMessageException(string message)
        : base(message)
    {
    }

    public StreamingMessageException()
    {
    }

    public StreamingMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
