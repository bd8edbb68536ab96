using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>The body of <c>POST /data/foundation/import/batches</c> (batch-ingestion.yaml <c>IngestBatch</c>;
/// help/ingestion/batch-ingestion/api-overview.md, partial.md): the dataset, the input format, error diagnostics and
/// the partial ingestion threshold, an external id and tags.</summary>
/// <remarks>
/// <para><c>inputFormat.format</c> is read in any case (the spec lists <c>JSON</c>, <c>Parquet</c>, <c>CSV</c>; the docs
/// send <c>json</c>) and kept lower case, as Catalog shows it. A batch without <c>inputFormat</c> is Parquet, as Catalog's
/// create-batch doc gets back. Avro is in catalog.yaml but not ingested here: a 400 says so.</para>
/// <para>The threshold is <c>partialIngestionPercentage</c> (current docs) or <c>partialIngestionPercent</c> (older docs),
/// 0 to 100. Setting it switches diagnostics on, as the docs say the UI does ("enhanced error diagnostics are automatically
/// enforced").</para>
/// <para>CSV files must start with a header row (api-overview.md: "The uploaded file must contain headers"), so
/// <c>header: false</c> is refused rather than guessed.</para>
/// </remarks>
public sealed record IngestionBatchRequest(
    string DataSetId,
    BatchInputFormat InputFormat,
    bool ErrorDiagnostics,
    decimal? PartialIngestionPercent,
    string? ExternalId,
    CatalogTags Tags,
    BatchReplay? Replay = null)
{
    /// <summary>Most predecessors one replay may name [unverified: AEP documents no limit].</summary>
    public const int MaxPredecessors = 100;

    private static readonly string[] Reserved = [IngestionTags.ErrorDiagnostics, IngestionTags.PartialIngestionPercent, IngestionTags.Producer];

    public IngestionFormat Format => IngestionFormats.FromWire(InputFormat.Format) ?? IngestionFormat.Parquet;

    public static IngestionBatchRequest Parse(JsonObject body)
    {
        CatalogJson.EnsureUnambiguous(body);
        foreach (var (key, value) in body)
        {
            CatalogJson.EnsureStorable(value, key);
        }

        var dataSetId = Rethrow(() => CatalogJson.OptionalString(body["datasetId"], "datasetId"))
            ?? throw Invalid("Field 'datasetId' is required: the id of the dataset the batch loads, e.g. {\"datasetId\":\"{DATASET_ID}\",\"inputFormat\":{\"format\":\"json\"}}.");
        if (!CatalogIds.IsPlausible(dataSetId))
        {
            throw Invalid("Field 'datasetId' must be the id of a dataset (letters, digits, '-', '_' or '.'), as POST /data/foundation/catalog/dataSets returned it.");
        }

        var inputFormat = InputFormatOf(body["inputFormat"]);
        var diagnostics = Flag(body["enableErrorDiagnostics"], "enableErrorDiagnostics");
        var percent = Percent(body, "partialIngestionPercentage") ?? Percent(body, "partialIngestionPercent");
        var externalId = Rethrow(() => CatalogJson.OptionalString(body["externalId"], "externalId"));
        if (externalId is { Length: 0 or > 256 })
        {
            throw Invalid("Field 'externalId' must be 1 to 256 characters long.");
        }

        var replay = ReplayOf(body["replay"]);

        var tags = Rethrow(() => CatalogTags.Parse(body["tags"]));
        if (tags.All.FirstOrDefault(t => Reserved.Contains(t.Key, StringComparer.Ordinal)) is { Key: { } reserved })
        {
            throw Invalid($"Tag '{reserved}' is set by batch ingestion: use enableErrorDiagnostics and partialIngestionPercentage instead.");
        }

        return new IngestionBatchRequest(dataSetId, inputFormat, diagnostics || percent is not null, percent, externalId, tags, replay);
    }

    /// <summary><c>{"predecessors":["{BATCH_ID}",...],"reason":"replace"}</c> (api-overview.md "Replay a batch").</summary>
    private static BatchReplay? ReplayOf(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        const string Example = "e.g. {\"predecessors\":[\"{BATCH_ID}\"],\"reason\":\"replace\"}";
        if (node is not JsonObject o)
        {
            throw Invalid($"Field 'replay' must be an object naming the batches this one replaces, {Example}; it is {CatalogJson.Kind(node)}.");
        }

        if (o["predecessors"] is not JsonArray list || list.Count == 0)
        {
            throw Invalid($"Field 'replay.predecessors' must be a non-empty array of batch ids, {Example}.");
        }

        if (list.Count > MaxPredecessors)
        {
            throw Invalid($"Field 'replay.predecessors' names {list.Count} batches; a replay may replace at most {MaxPredecessors}.");
        }

        var ids = new List<string>();
        foreach (var item in list)
        {
            if (item is not JsonValue v || v.GetValueKind() != JsonValueKind.String || v.GetValue<string>() is not { } id || !CatalogIds.IsPlausible(id))
            {
                throw Invalid($"Field 'replay.predecessors' must hold batch ids as POST /batches returned them; {Short(item?.ToJsonString() ?? "null")} is not one.");
            }

            if (!ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        var reason = Rethrow(() => CatalogJson.OptionalString(o["reason"], "replay.reason"));
        if (reason is { Length: > 1024 })
        {
            throw Invalid("Field 'replay.reason' must be at most 1024 characters long.");
        }

        return new BatchReplay(ids, reason);
    }

    /// <summary>The batch's tags: the producer's, then the ingestion options AEP shows on the batch.</summary>
    public CatalogTags BatchTags(string clientId)
    {
        var tags = Tags.With(IngestionTags.Producer, [clientId]);
        if (ErrorDiagnostics)
        {
            tags = tags.With(IngestionTags.ErrorDiagnostics, ["true"]);
        }

        if (PartialIngestionPercent is { } percent)
        {
            tags = tags.With(IngestionTags.PartialIngestionPercent, [percent.ToString(CultureInfo.InvariantCulture)]);
        }

        return tags;
    }

    private static BatchInputFormat InputFormatOf(JsonNode? node)
    {
        if (node is null)
        {
            return BatchInputFormat.Default;
        }

        if (node is not JsonObject o)
        {
            throw Invalid($"Field 'inputFormat' must be an object, e.g. {{\"format\":\"json\"}}; it is {CatalogJson.Kind(node)}.");
        }

        var wire = Rethrow(() => CatalogJson.OptionalString(o["format"], "inputFormat.format"));
        var format = wire is null ? IngestionFormat.Parquet : IngestionFormats.FromWire(wire)
            ?? throw Invalid($"Field 'inputFormat.format' is '{Short(wire)}': batch ingestion reads json, csv or parquet files.");

        // Catalog's reader checks the other fields (single characters, charsets); the format is normalized first.
        var normalized = (JsonObject)o.DeepClone();
        normalized["format"] = format.ToWire();
        var parsed = Rethrow(() => BatchInputFormat.Parse(normalized));
        if (parsed.IsMultiLineJson == true && format != IngestionFormat.Json)
        {
            throw Invalid($"Field 'inputFormat.isMultiLineJson' applies to json batches only; this batch is {format.ToWire()}.");
        }

        if (format == IngestionFormat.Csv && parsed.Header == false)
        {
            throw Invalid("Field 'inputFormat.header' is false: CSV files must start with a header row naming the schema fields (help/ingestion/batch-ingestion/api-overview.md).");
        }

        return parsed;
    }

    private static bool Flag(JsonNode? node, string path) => node switch
    {
        null => false,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => throw Invalid($"Field '{path}' must be true or false; it is {CatalogJson.Kind(node)}."),
    };

    private static decimal? Percent(JsonObject body, string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number
            || !decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent)
            || percent < 0 || percent > 100)
        {
            throw Invalid($"Field '{name}' must be a number from 0 to 100: the share of records that may fail before the whole batch fails.");
        }

        return percent;
    }

    /// <summary>Catalog's readers throw Catalog's 400; the ingestion API answers with its own entry.</summary>
    private static T Rethrow<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (AepException ex) when (ex.Error == ErrorCatalog.Catalog.InvalidObject)
        {
            throw Invalid(ex.Message);
        }
    }

    private static AepException Invalid(string detail) => new(ErrorCatalog.Ingestion.InvalidRequest, detail);

    private static string Short(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
