using System.Net;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.Streaming;

/// <summary>Collection at <c>/collection/{inletId}</c> and <c>/collection/batch/{inletId}</c>: synchronous and asynchronous
/// validation, per-message statuses, records landing in the dataset as Catalog batches (Data Access returns them), DCS error
/// bodies for bad input (never a 5xx), authenticated inlets and isolation.</summary>
public abstract class StreamingCollectionApiTests(PlatformFixture fixture)
{
    private readonly StreamingApi _api = new(fixture);

    private static string T => StreamingApi.T;

    [Fact]
    public async Task Collect_SyncValidationValid_200AfterCommitAndRecordLandsAsBatch()
    {
        // Arrange
        var target = await _api.NewTarget(TestClients.OrgA);

        // Act
        using var response = await _api.Collect(target.Url + "?syncValidation=true", StreamingApi.Envelope(target, StreamingApi.Member("m-1", 7)));
        var records = await _api.WaitForRecords(target, 1);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var body = await StreamingApi.Body(response);
        Assert.Equal(target.InletId, body["inletId"]!.GetValue<string>());
        Assert.Matches(@"^\d{13}:\d{4}:\d+$", body["xactionId"]!.GetValue<string>());
        Assert.InRange(body["receivedTimeMs"]!.GetValue<long>(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal("pass", body["syncValidation"]!["status"]!.GetValue<string>());
        var record = Assert.Single(records);
        Assert.Equal("m-1", record["_" + T]!["loyalty"]!["id"]!.GetValue<string>());
        Assert.Equal(7, record["_" + T]!["loyalty"]!["points"]!.GetValue<int>());
        var batch = Assert.Single(await _api.Batches(target));
        Assert.Equal("success", batch["status"]!.GetValue<string>());
        Assert.Equal(1, batch["metrics"]!["outputRecordCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Collect_OlderSynchronousValidationName_EchoedAndAsyncDefaultSkipped()
    {
        // Arrange
        var target = await _api.NewTarget(TestClients.OrgA);

        // Act
        using var older = await _api.Collect(target.Url + "?synchronousValidation=true", StreamingApi.Envelope(target, StreamingApi.Member("a")));
        using var async = await _api.Collect(target.Url, StreamingApi.Envelope(target, StreamingApi.Member("b")));

        // Assert
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.Equal("pass", (await StreamingApi.Body(older))["synchronousValidation"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, async.StatusCode);
        Assert.True((await StreamingApi.Body(async))["syncValidation"]!["skipped"]!.GetValue<bool>());
        Assert.Equal(2, (await _api.WaitForRecords(target, 2)).Count);
    }

    [Fact]
    public async Task Collect_SyncValidationInvalid_400NamesEveryFieldAndNothingLands()
    {
        // Arrange: three violations: a type, an enum and an unknown field; the required id is missing too
        var target = await _api.NewTarget(TestClients.OrgA);
        var entity = "{\"_" + T + "\":{\"loyalty\":{\"points\":\"many\",\"tier\":\"bronze\",\"colour\":\"red\"}}}";

        // Act
        using var response = await _api.Collect(target.Url + "?syncValidation=true", StreamingApi.Envelope(target, entity));
        using var valid = await _api.Collect(target.Url + "?syncValidation=true", StreamingApi.Envelope(target, StreamingApi.Member("ok")));
        var records = await _api.WaitForRecords(target, 1);
        await Task.Delay(600); // past a flush: the refused message would have landed by now

        // Assert
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, raw);
        var body = JsonNode.Parse(raw)!;
        Assert.Equal("Invalid XDM Message Format", body["title"]!.GetValue<string>());
        Assert.Contains(target.InletId, body["report"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var causes = body["report"]!["cause"]!["_streamingValidation"]![0]!["causingExceptions"]!.AsArray();
        var pointers = causes.Select(c => c!["pointerToViolation"]!.GetValue<string>()).ToList();
        var keywords = causes.Select(c => c!["keyword"]!.GetValue<string>()).ToList();
        Assert.Contains($"#/_{T}/loyalty/points", pointers);
        Assert.Contains($"#/_{T}/loyalty/tier", pointers);
        Assert.Contains("type", keywords);
        Assert.Contains("enum", keywords);
        Assert.Contains("required", keywords);
        Assert.Contains("additionalProperties", keywords);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal("ok", Assert.Single(await _api.WaitForRecords(target, 2, seconds: 1))["_" + T]!["loyalty"]!["id"]!.GetValue<string>());
        Assert.Single(records);
    }

    [Fact]
    public async Task Collect_AsyncInvalid_AcceptedThenLandsInAFailedBatchWithRowErrors()
    {
        // Arrange
        var target = await _api.NewTarget(TestClients.OrgA);
        var invalid = "{\"_" + T + "\":{\"loyalty\":{\"id\":\"bad\",\"tier\":\"bronze\"}}}";

        // Act
        using var response = await _api.Collect(target.Url, StreamingApi.Envelope(target, invalid));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<JsonObject> batches;
        do
        {
            await Task.Delay(100);
            batches = await _api.Batches(target);
        }
        while ((batches.Count == 0 || batches[0]["status"]!.GetValue<string>() is not ("success" or "failed")) && DateTime.UtcNow < deadline);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var batch = Assert.Single(batches);
        Assert.Equal("failed", batch["status"]!.GetValue<string>());
        Assert.Equal(1, batch["metrics"]!["failedRecordCount"]!.GetValue<long>());
        Assert.NotEmpty(batch["errors"]!.AsArray());
        var id = batch["id"]?.GetValue<string>() ?? (await _api.Ingestion.CatalogApi.GetObject($"/data/foundation/catalog/batches?dataSet={target.Dataset}", target.Client, target.Sandbox)).Single().Key;
        using var failed = await _api.Client.GetAsync($"/data/foundation/export/batches/{id}/failed", target.Client, target.Sandbox);
        Assert.Empty(await _api.WaitForRecords(target, 1, seconds: 1));
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
    }

    [Fact]
    public async Task CollectBatch_MixedMessages_207WithAStatusPerMessageInOrder()
    {
        // Arrange
        var target = await _api.NewTarget(TestClients.OrgA);
        var invalid = "{\"_" + T + "\":{\"loyalty\":{\"id\":\"async-bad\",\"points\":\"x\"}}}";
        var body = "{\"messages\":["
            + StreamingApi.Envelope(target, StreamingApi.Member("first")) + ","
            + """{"header":{"datasetId":"x"}}""" + ","
            + StreamingApi.Envelope(target, StreamingApi.Member("wrong-org"), imsOrg: TestClients.OrgB.ImsOrg) + ","
            + StreamingApi.Envelope(target, StreamingApi.Member("no-dataset"), datasetId: "5c8c3c555033b814b69f947f") + ","
            + StreamingApi.Envelope(target, invalid) + ","
            + "42,"
            + StreamingApi.Envelope(target, StreamingApi.Member("last")) + "]}";

        // Act
        using var response = await _api.Collect($"/collection/batch/{target.InletId}", body);
        var records = await _api.WaitForRecords(target, 2);

        // Assert
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.MultiStatus, raw);
        await OpenApiContract.AssertMatchesAsync(response);
        var answer = JsonNode.Parse(raw)!;
        var batchId = answer["batchId"]!.GetValue<string>();
        Assert.Equal(target.InletId, answer["inletId"]!.GetValue<string>());
        var responses = answer["responses"]!.AsArray();
        Assert.Equal(7, responses.Count);
        Assert.Equal($"{batchId}:0", responses[0]!["xactionId"]!.GetValue<string>());
        Assert.Null(responses[0]!["statusCode"]);
        Assert.Contains("unknown xdm format", responses[1]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("wrong ims org", responses[2]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("5c8c3c555033b814b69f947f", responses[3]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"{batchId}:4", responses[4]!["xactionId"]!.GetValue<string>()); // async: accepted, lands in a failed batch
        Assert.Equal(400, responses[5]!["statusCode"]!.GetValue<int>());
        Assert.Equal($"{batchId}:6", responses[6]!["xactionId"]!.GetValue<string>());
        Assert.Equal(["first", "last"], records.Select(r => r["_" + T]!["loyalty"]!["id"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Collect_BadInput_ClearDcs4xxAndNothingKept()
    {
        // Arrange
        var target = await _api.NewTarget(TestClients.OrgA);
        var otherSchema = await _api.Ingestion.NewLoyaltySchema(TestClients.OrgA, target.Sandbox);
        var hostile = "\u0000\u202e<script>alert(1)</script>' OR 1=1 --" + new string('é', 3000);
        var cases = new (string Path, string? Body, string? ContentType, HttpStatusCode Status, string Mentions)[]
        {
            (target.Url, "{not json", "application/json", HttpStatusCode.BadRequest, "not valid JSON"),
            (target.Url, "", "application/json", HttpStatusCode.BadRequest, "empty"),
            (target.Url, "[]", "application/json", HttpStatusCode.BadRequest, "unknown xdm format"),
            (target.Url, """{"header":{},"body":{}}""", "application/json", HttpStatusCode.BadRequest, "header.schemaRef"),
            (target.Url, """{"anything":"raw"}""", "application/json", HttpStatusCode.BadRequest, "raw"),
            (target.Url, StreamingApi.Envelope(target, "[1]"), "application/json", HttpStatusCode.BadRequest, "xdmEntity"),
            (target.Url, StreamingApi.Envelope(target, StreamingApi.Member("x"), datasetId: "5c8c3c555033b814b69f947f"), "application/json", HttpStatusCode.BadRequest, "does not exist"),
            (target.Url, StreamingApi.Envelope(target, StreamingApi.Member("x"), datasetId: System.Text.Json.JsonEncodedText.Encode(hostile).ToString()), "application/json", HttpStatusCode.BadRequest, "header.datasetId"),
            (target.Url, StreamingApi.Envelope(target, StreamingApi.Member("x"), datasetId: System.Text.Json.JsonEncodedText.Encode(hostile[..40]).ToString()), "application/json", HttpStatusCode.BadRequest, "does not exist"),
            (target.Url, StreamingApi.Envelope(target, StreamingApi.Member("x"), schemaId: otherSchema), "application/json", HttpStatusCode.BadRequest, "must match the dataset's schema"),
            (target.Url, StreamingApi.Envelope(target, StreamingApi.Member("x"), imsOrg: "EVIL@AdobeOrg"), "application/json", HttpStatusCode.BadRequest, "wrong ims org"),
            (target.Url, StreamingApi.Envelope(target, StreamingApi.Member("x")).Replace("\"xdmMeta\":{\"schemaRef\":{\"id\":\"" + target.Schema, "\"xdmMeta\":{\"schemaRef\":{\"id\":\"" + otherSchema, StringComparison.Ordinal), "application/json", HttpStatusCode.BadRequest, "xdmMeta"),
            (target.Url, new string('[', 100_000), "application/json", HttpStatusCode.BadRequest, "JSON"),
            ($"/collection/batch/{target.InletId}", """{"messages":{}}""", "application/json", HttpStatusCode.BadRequest, "messages"),
            ($"/collection/{new string('f', 64)}", StreamingApi.Envelope(target, StreamingApi.Member("x")), "application/json", HttpStatusCode.NotFound, "no streaming inlet"),
            ("/collection/%27%20OR%201%3D1", StreamingApi.Envelope(target, StreamingApi.Member("x")), "application/json", HttpStatusCode.NotFound, "no streaming inlet"),
        };

        foreach (var (path, body, contentType, status, mentions) in cases)
        {
            // Act
            using var response = await _api.Collect(path, body, contentType);

            // Assert
            await StreamingApi.AssertDcsError(response, status, mentions);
        }

        using var wrongType = await _api.Collect(target.Url, "<xml/>", "application/xml");
        using var noType = await _api.Collect(target.Url, StreamingApi.Envelope(target, StreamingApi.Member("x")), null);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        await Task.Delay(600);
        Assert.Empty(await _api.Batches(target));
    }

    [Fact]
    public async Task Collect_OverOneMegabyte_413WithDcsBody()
    {
        // Arrange
        var target = await _api.NewTarget(TestClients.OrgA);
        var big = StreamingApi.Envelope(target, "{\"_" + T + "\":{\"loyalty\":{\"id\":\"" + new string('x', 1024 * 1024) + "\"}}}");
        var batch = "{\"messages\":[" + string.Join(',', Enumerable.Repeat(StreamingApi.Envelope(target, StreamingApi.Member("m")), 3000)) + "]}";

        // Act
        using var single = await _api.Collect(target.Url + "?syncValidation=true", big);
        using var many = await _api.Collect($"/collection/batch/{target.InletId}", batch);

        // Assert
        await StreamingApi.AssertDcsError(single, HttpStatusCode.RequestEntityTooLarge, "1 MB");
        await StreamingApi.AssertDcsError(many, HttpStatusCode.RequestEntityTooLarge, "1 MB");
        await Task.Delay(600);
        Assert.Empty(await _api.Batches(target));
    }

    [Fact]
    public async Task Collect_AuthenticatedInlet_RequiresATokenOfItsOrganization()
    {
        // Arrange
        var target = await _api.NewTarget(TestClients.OrgA, authenticated: true);
        var envelope = StreamingApi.Envelope(target, StreamingApi.Member("auth"));

        // Act
        using var none = await _api.Collect(target.Url, envelope);
        using var garbage = await _api.Collect(target.Url, envelope, bearer: "not-a-token");
        using var otherOrg = await _api.Collect(target.Url, envelope, bearer: await _api.Client.TokenAsync(TestClients.OrgB));
        using var sameOrg = await _api.Collect(target.Url + "?syncValidation=true", envelope, bearer: await _api.Client.TokenAsync(TestClients.OrgA2));

        // Assert
        var missing = await StreamingApi.Body(none);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("https://ns.adobe.com/adobecloud/problem/data-collection-service-authorization", missing["type"]!.GetValue<string>());
        Assert.Equal("401", missing["status"]!.GetValue<string>());
        Assert.Contains("Ims service token is empty", missing["report"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherOrg.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sameOrg.StatusCode);
        Assert.Single(await _api.WaitForRecords(target, 1));
    }

    [Fact]
    public async Task Collect_Isolation_RecordsLandOnlyInTheInletsSandbox()
    {
        // Arrange: org B's dataset, reached through org A's inlet; and a second sandbox of org A with its own dataset
        var a = await _api.NewTarget(TestClients.OrgA);
        var b = await _api.NewTarget(TestClients.OrgB);
        var a2 = await _api.NewTarget(TestClients.OrgA);

        // Act
        using var crossOrg = await _api.Collect(a.Url, StreamingApi.Envelope(b, StreamingApi.Member("x"), imsOrg: TestClients.OrgA.ImsOrg));
        using var crossSandbox = await _api.Collect(a.Url, StreamingApi.Envelope(a2, StreamingApi.Member("y")));
        using var own = await _api.Collect(a.Url + "?syncValidation=true", StreamingApi.Envelope(a, StreamingApi.Member("mine")));

        // Assert
        await StreamingApi.AssertDcsError(crossOrg, HttpStatusCode.BadRequest, "does not exist");
        await StreamingApi.AssertDcsError(crossSandbox, HttpStatusCode.BadRequest, "does not exist");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Single(await _api.WaitForRecords(a, 1));
        Assert.Empty(await _api.Batches(b));
        Assert.Empty(await _api.Batches(a2));
        using var otherOrgPreview = await _api.Client.GetAsync($"/data/foundation/export/datasets/{a.Dataset}/preview", TestClients.OrgB, "prod");
        Assert.Equal(HttpStatusCode.NotFound, otherOrgPreview.StatusCode);
    }
}

public sealed class StreamingCollectionApiPostgres(PostgresPlatform fixture) : StreamingCollectionApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class StreamingCollectionApiSqlite(SqlitePlatform fixture) : StreamingCollectionApiTests(fixture), IClassFixture<SqlitePlatform>;
