using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Ims;
using ProfilePlatform.Domain.Streaming;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Features.Streaming;

/// <summary>Streaming collection (streaming-ingestion.yaml, AEP's <c>dcs.adobedc.net</c>), served at the root of the
/// platform's host: <c>POST /collection/{inletId}</c> (one message; 200, or 400 with every violation under
/// <c>?syncValidation=true</c>) and <c>POST /collection/batch/{inletId}</c> (many messages; 207 with one status each).</summary>
/// <remarks>
/// <para>No gateway here: DCS needs no API key or organization header. The inlet decides the organization and sandbox; an
/// inlet made with <c>authenticationRequired</c> demands a valid token of its organization (401 without one, 403 with an
/// invalid one or one of another organization). <c>x-sandbox-name</c> is not needed: the inlet belongs to one sandbox.</para>
/// <para>A 200/207 is sent only after the accepted messages are committed to the store (group commit, see
/// <see cref="IStreamingMessageLog"/>).</para>
/// </remarks>
[ApiController]
[Route("collection")]
[AepService(AepErrorFormat.Dcs)]
[Tags("Streaming Ingestion")]
[RequestSizeLimit(long.MaxValue)] // no server limit: the 1 MB limit is checked here, reading no further, to answer DCS's 413 body
public sealed class CollectionController(
    StreamingCollector collector,
    IServiceProvider services,
    InletCache inletCache,
    ImsTokenService tokens,
    StreamingLimits limits,
    TenancyContext tenancy,
    TimeProvider clock) : ControllerBase
{
    [HttpPost("{inletId}")]
    [AepConsumes("application/json")]
    public async Task<IActionResult> Collect(string inletId, CancellationToken ct)
    {
        var received = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var inlet = await InletAsync(inletId, ct);
        var (sync, syncName) = SyncValidation();
        using var document = await ReadAsync(inlet, ct);
        var result = (await collector.CollectAsync(inlet, [document.RootElement], sync, received, _ => XactionIds.Next(received), ct))[0];
        if (result.IsAccepted)
        {
            return Ok(new JsonObject
            {
                ["inletId"] = inlet.InletId,
                ["xactionId"] = result.XactionId,
                ["receivedTimeMs"] = received,
                [syncName] = sync ? new JsonObject { ["status"] = "pass" } : new JsonObject { ["skipped"] = true },
            });
        }

        if (result.Problem is not null)
        {
            throw new AepException(ErrorCatalog.Streaming.InvalidMessage, $"{Prefix(inlet)} {result.Problem}");
        }

        return BadRequest(ValidationFailure(inlet, result.Violations));
    }

    [HttpPost("batch/{inletId}")]
    [AepConsumes("application/json")]
    public async Task<IActionResult> CollectBatch(string inletId, CancellationToken ct)
    {
        var received = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var inlet = await InletAsync(inletId, ct);
        using var document = await ReadAsync(inlet, ct);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("messages", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new AepException(ErrorCatalog.Streaming.InvalidMessage, $"{Prefix(inlet)} The body of /collection/batch must be {{\"messages\": [ {{\"header\":{{...}},\"body\":{{...}}}}, ... ]}}.");
        }

        var batchId = XactionIds.Next(received);
        var messages = list.EnumerateArray().ToList();
        var results = await collector.CollectAsync(inlet, messages, syncValidation: false, received, i => XactionIds.Item(batchId, i), ct);
        var responses = new JsonArray();
        foreach (var r in results)
        {
            responses.Add(r.IsAccepted
                ? new JsonObject { ["xactionId"] = r.XactionId }
                : new JsonObject { ["statusCode"] = 400, ["message"] = $"{Prefix(inlet)} {r.Problem ?? "Message is invalid"}" });
        }

        return StatusCode(StatusCodes.Status207MultiStatus, new JsonObject
        {
            ["inletId"] = inlet.InletId,
            ["batchId"] = batchId,
            ["receivedTimeMs"] = received,
            ["responses"] = responses,
        });
    }

    /// <summary>The inlet, its tenancy set for the request, and its token checked when it demands one.</summary>
    private async Task<StreamingInlet> InletAsync(string inletId, CancellationToken ct)
    {
        var id = inletId.ToLowerInvariant();
        var inlet = (StreamingInlet.IsInletId(id) ? await inletCache.GetAsync(id, () => services.GetRequiredService<IStreamingInletStore>().FindForCollectionAsync(id, ct)) : null)
            ?? throw new AepException(ErrorCatalog.Streaming.UnknownInlet, $"inletId: [{(inletId.Length <= 80 ? inletId : inletId[..80] + "...")}] There is no streaming inlet with this id: create an HTTP API connection with POST /data/foundation/flowservice/connections and use the inletId of its auth.params.");
        tenancy.Use(new TenantKey(inlet.ImsOrg, inlet.Sandbox));
        if (inlet.AuthenticationRequired)
        {
            var authorization = Request.Headers.Authorization.ToString().Trim();
            if (authorization.Length == 0)
            {
                throw new AepException(ErrorCatalog.Streaming.TokenMissing, $"[{inlet.InletId}] Ims service token is empty");
            }

            var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? tokens.Validate(authorization[7..].Trim()) : null;
            if (token is null || token.ImsOrg != inlet.ImsOrg)
            {
                throw new AepException(ErrorCatalog.Streaming.TokenInvalid, $"[{inlet.InletId}] Ims service token is not valid for this inlet: send a current access token of organization {inlet.ImsOrg}.");
            }
        }

        return inlet;
    }

    /// <summary><c>syncValidation</c> or the older <c>synchronousValidation</c>; the answer echoes the name used.</summary>
    private (bool Enabled, string Name) SyncValidation()
    {
        foreach (var name in (string[])["syncValidation", "synchronousValidation"])
        {
            if (Request.Query.TryGetValue(name, out var value))
            {
                return (string.Equals(value.ToString(), "true", StringComparison.OrdinalIgnoreCase), name);
            }
        }

        return (false, "syncValidation");
    }

    /// <summary>The body, at most <see cref="StreamingLimits.MaxRequestBytes"/> (413 over it), as JSON (400 when it is not).</summary>
    private async Task<JsonDocument> ReadAsync(StreamingInlet inlet, CancellationToken ct)
    {
        var max = limits.MaxRequestBytes;
        if (Request.ContentLength > max)
        {
            throw TooLarge(inlet, max);
        }

        using var buffer = new MemoryStream(Request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw TooLarge(inlet, max);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new AepException(ErrorCatalog.Streaming.InvalidMessage, $"{Prefix(inlet)} The request body is empty: send the message as JSON.");
        }

        try
        {
            return JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw new AepException(ErrorCatalog.Streaming.InvalidMessage, $"{Prefix(inlet)} Message has unknown xdm format: the body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }
    }

    private static AepException TooLarge(StreamingInlet inlet, long max) =>
        new(ErrorCatalog.Streaming.PayloadTooLarge, $"{Prefix(inlet)} The payload is larger than {max} bytes (1 MB), the most one request may carry: send fewer or smaller messages per request.");

    private static string Prefix(StreamingInlet inlet) => $"inletId: [{inlet.InletId}] imsOrgId: [{inlet.ImsOrg}]";

    /// <summary>DCS's synchronous validation failure (help/ingestion/quality/streaming-validation.md): every violation under
    /// <c>report.cause._streamingValidation[0].causingExceptions</c>, with its keyword and JSON pointer.</summary>
    private static JsonObject ValidationFailure(StreamingInlet inlet, IReadOnlyList<Domain.SchemaRegistry.Validation.XdmRecordViolation> violations) => new()
    {
        ["type"] = AepErrorResponder.DcsInletProblem,
        ["status"] = 400,
        ["title"] = "Invalid XDM Message Format",
        ["report"] = new JsonObject
        {
            ["message"] = $"{Prefix(inlet)} Message is invalid",
            ["cause"] = new JsonObject
            {
                ["_streamingValidation"] = new JsonArray(new JsonObject
                {
                    ["schemaLocation"] = "#",
                    ["pointerToViolation"] = "#",
                    ["message"] = violations.Count == 1 ? "1 schema violation found" : $"{violations.Count} schema violations found",
                    ["causingExceptions"] = new JsonArray([.. violations.Select(v => (JsonNode)new JsonObject
                    {
                        ["schemaLocation"] = SchemaLocation(v.Path),
                        ["pointerToViolation"] = "#" + v.Path,
                        ["causingExceptions"] = new JsonArray(),
                        ["keyword"] = v.Keyword,
                        ["message"] = v.Message,
                    })]),
                }),
            },
        },
    };

    /// <summary><c>/a/0/b</c> → <c>#/properties/a/items/properties/b</c>.</summary>
    private static string SchemaLocation(string path) =>
        "#" + string.Concat(path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.All(char.IsAsciiDigit) ? "/items" : "/properties/" + s));
}
