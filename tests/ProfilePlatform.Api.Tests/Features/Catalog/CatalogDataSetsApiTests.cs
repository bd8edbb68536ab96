using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.Catalog;

/// <summary>Catalog datasets through HTTP (help/catalog/api/*.md, catalog.yaml): shapes, the schema and Profile rules,
/// query parameters, PATCH/PUT/DELETE, errors, and isolation between organizations and sandboxes.</summary>
public abstract class CatalogDataSetsApiTests(PlatformFixture fixture)
{
    private const string Base = CatalogApi.Base;
    private readonly CatalogApi _api = new(fixture);

    [Fact]
    public async Task Create_OnTenantSchema_Returns201WithReferenceAndLocation()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var schema = await _api.NewSchema(TestClients.OrgA, sandbox);

        // Act
        using var response = await _api.Send(HttpMethod.Post, $"{Base}/dataSets", TestClients.OrgA, sandbox,
            $$"""{"name":"LoyaltyMembersDataset","schemaRef":{"id":"{{schema}}","contentType":"application/vnd.adobe.xed+json;version=1"},"fileDescription":{"persisted":true,"containerFormat":"parquet","format":"parquet"},"fields":[]}""");

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var answer = (await AepClient.JsonAsync(response)).AsArray();
        var reference = Assert.Single(answer)!.GetValue<string>();
        Assert.Matches("^@/dataSets/[0-9a-f]{24}$", reference);
        Assert.Equal($"{Base}/dataSets/{reference.Split('/')[^1]}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Get_CreatedDataset_KeyedByIdWithCatalogFields()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var schema = await _api.NewSchema(TestClients.OrgA, sandbox);
        var id = await _api.NewDataset(TestClients.OrgA, sandbox, schema, "Members", new JsonObject { ["description"] = "loyalty members", ["tags"] = new JsonObject { ["team"] = new JsonArray("crm") } });

        // Act
        using var response = await _api.Get($"{Base}/dataSets/{id}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var body = (await AepClient.JsonAsync(response)).AsObject();
        var dataset = Assert.Single(body).Value!;
        Assert.Equal(id, body.Single().Key);
        Assert.Equal("Members", dataset["name"]!.GetValue<string>());
        Assert.Equal("loyalty members", dataset["description"]!.GetValue<string>());
        Assert.Equal(TestClients.OrgA.ImsOrg, dataset["imsOrg"]!.GetValue<string>());
        Assert.Equal("1.0.0", dataset["version"]!.GetValue<string>());
        Assert.Equal(schema, dataset["schemaRef"]!["id"]!.GetValue<string>());
        Assert.Equal(["crm"], dataset["tags"]!["team"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(TestClients.OrgA.ClientId, dataset["createdClient"]!.GetValue<string>());
        Assert.Equal(TestClients.OrgA.TechnicalAccountId, dataset["createdUser"]!.GetValue<string>());
        Assert.Equal($"@/dataSets/{id}/views/{dataset["viewId"]!.GetValue<string>()}/files", dataset["files"]!.GetValue<string>());
        Assert.InRange(dataset["created"]!.GetValue<long>(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds());
        Assert.Equal("\"1.0.0\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Get_SeveralIdsWithProperties_OnlyFoundOnesProjected()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var schema = await _api.NewSchema(TestClients.OrgA, sandbox);
        var a = await _api.NewDataset(TestClients.OrgA, sandbox, schema, "A");
        var b = await _api.NewDataset(TestClients.OrgA, sandbox, schema, "B");

        // Act
        using var response = await _api.Get($"{Base}/dataSets/{a},5c8c3c555033b814b69f947f,{b}?properties=name,observableSchema", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var body = (await AepClient.JsonAsync(response)).AsObject();
        Assert.Equal([a, b], body.Select(kv => kv.Key));
        Assert.Equal("""{"name":"A"}""", body[a]!.ToJsonString());
    }

    [Theory]
    [InlineData("5c8c3c555033b814b69f947f")]
    [InlineData("not-a-dataset")]
    [InlineData("%3Cscript%3E")]
    public async Task Get_Unknown_Returns404(string id)
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act
        using var response = await _api.Get($"{Base}/dataSets/{id}", TestClients.OrgA, sandbox);

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await CatalogApi.AssertError(response, HttpStatusCode.NotFound, "No dataset");
    }

    [Fact]
    public async Task List_LimitStartOrderAndProjection_AsDocumented()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var schema = await _api.NewSchema(TestClients.OrgA, sandbox);
        var ids = new List<string>();
        foreach (var name in new[] { "first", "second", "third" })
        {
            ids.Add(await _api.NewDataset(TestClients.OrgA, sandbox, schema, name));
            await Task.Delay(5);
        }

        // Act
        using var all = await _api.Get($"{Base}/dataSets", TestClients.OrgA, sandbox);
        using var page = await _api.Get($"{Base}/dataSets?orderBy=desc:created&start=1&limit=1", TestClients.OrgA, sandbox);
        using var projected = await _api.Get($"{Base}/dataSets?properties=name,description&orderBy=name", TestClients.OrgA, sandbox);

        // Assert
        await OpenApiContract.AssertMatchesAsync(all);
        await OpenApiContract.AssertMatchesAsync(page);
        await OpenApiContract.AssertMatchesAsync(projected);
        Assert.Equal(ids, (await AepClient.JsonAsync(all)).AsObject().Select(kv => kv.Key));
        Assert.Equal([ids[1]], (await AepClient.JsonAsync(page)).AsObject().Select(kv => kv.Key));
        var names = (await AepClient.JsonAsync(projected)).AsObject();
        Assert.Equal(["first", "second", "third"], names.Select(kv => kv.Value!["name"]!.GetValue<string>()));
        Assert.All(names, kv => Assert.Single(kv.Value!.AsObject()));
    }

    [Fact]
    public async Task List_Default_Returns20AndLimit100IsTheMaximum()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var schema = await _api.NewSchema(TestClients.OrgA, sandbox);
        for (var i = 0; i < 21; i++)
        {
            await _api.NewDataset(TestClients.OrgA, sandbox, schema, $"d{i:00}");
        }

        // Act
        using var byDefault = await _api.Get($"{Base}/dataSets", TestClients.OrgA, sandbox);
        using var max = await _api.Get($"{Base}/dataSets?limit=100", TestClients.OrgA, sandbox);
        using var tooMany = await _api.Get($"{Base}/dataSets?limit=101", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(20, (await AepClient.JsonAsync(byDefault)).AsObject().Count);
        Assert.Equal(21, (await AepClient.JsonAsync(max)).AsObject().Count);
        await OpenApiContract.AssertMatchesAsync(tooMany);
        await CatalogApi.AssertError(tooMany, HttpStatusCode.BadRequest, "1 to 100");
    }

    [Fact]
    public async Task List_Filters_SimplePropertyTagsAndRegex()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var schema = await _api.NewSchema(TestClients.OrgA, sandbox);
        var web = await _api.NewDataset(TestClients.OrgA, sandbox, schema, "web events", new JsonObject { ["tags"] = new JsonObject { ["owner"] = new JsonArray("team-web") } });
        var loyalty = await _api.NewDataset(TestClients.OrgA, sandbox, schema, "loyalty", new JsonObject { ["tags"] = new JsonObject { ["owner"] = new JsonArray("team-crm") } });
        var crm = await _api.NewDataset(TestClients.OrgA, sandbox, schema, "crm accounts", new JsonObject { ["description"] = "from the CRM" });

        // Act / Assert
        await AssertIds($"{Base}/dataSets?name=loyalty,crm%20accounts", loyalty, crm);
        await AssertIds($"{Base}/dataSets?name=!loyalty", web, crm);
        await AssertIds($"{Base}/dataSets?name=*events", web);
        await AssertIds($"{Base}/dataSets?property=name~%5Eweb", web);
        await AssertIds($"{Base}/dataSets?property=description", crm);
        await AssertIds($"{Base}/dataSets?property=!description", web, loyalty);
        await AssertIds($"{Base}/dataSets?tags=owner:team-*", web, loyalty);
        await AssertIds($"{Base}/dataSets?tags=owner:team-crm", loyalty);
        await AssertIds($"{Base}/dataSets?property=version%3E%3D1.0.0&name=crm%20accounts", crm);

        async Task AssertIds(string path, params string[] expected)
        {
            using var response = await _api.Get(path, TestClients.OrgA, sandbox);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await OpenApiContract.AssertMatchesAsync(response);
            Assert.Equal(expected.Order(StringComparer.Ordinal), (await AepClient.JsonAsync(response)).AsObject().Select(kv => kv.Key).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("limit=0", "'limit'")]
    [InlineData("limit=99999999999", "'limit'")]
    [InlineData("limit=abc", "'limit'")]
    [InlineData("start=-3", "'start'")]
    [InlineData("orderBy=sideways:name", "orderBy")]
    [InlineData("properties=schemaRef.id", "properties")]
    [InlineData("property=name%3D%3E1", "property")]
    [InlineData("property=name~(a)%5C1", "regular expression")]
    [InlineData("property=name~%5B", "regular expression")]
    [InlineData("tags=nocolon", "tags")]
    [InlineData("createdAfter=yesterday", "createdAfter")]
    [InlineData("%24where=1", "$where")]
    [InlineData("limit=5&limit=6", "more than once")]
    [InlineData("properties=observableSchema&limit=50", "at most 20")]
    public async Task List_BadQueryParameter_Returns400NamingIt(string query, string mentions)
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act
        using var response = await _api.Get($"{Base}/dataSets?{query}", TestClients.OrgA, sandbox);

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await CatalogApi.AssertError(response, HttpStatusCode.BadRequest, mentions);
    }

    [Fact]
    public async Task List_CatastrophicRegex_AnswersQuickly()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var schema = await _api.NewSchema(TestClients.OrgA, sandbox);
        await _api.NewDataset(TestClients.OrgA, sandbox, schema, new string('a', 500) + "!");
        var watch = Stopwatch.StartNew();

        // Act
        using var response = await _api.Get($"{Base}/dataSets?property=name~{Uri.EscapeDataString("^(a+)+$")}", TestClients.OrgA, sandbox);

        // Assert
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await AepClient.JsonAsync(response)).AsObject());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Create_UnknownSchema_Returns400AndNothingStored()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act
        using var response = await _api.Send(HttpMethod.Post, $"{Base}/dataSets", TestClients.OrgA, sandbox, """{"name":"x","schemaRef":{"id":"https://ns.adobe.com/acme/schemas/0123456789abcdef"}}""");
        using var list = await _api.Get($"{Base}/dataSets", TestClients.OrgA, sandbox);

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await CatalogApi.AssertError(response, HttpStatusCode.BadRequest, "schemaRef.id");
        Assert.Empty((await AepClient.JsonAsync(list)).AsObject());
    }

    [Fact]
    public async Task Create_SchemaOfAnotherSandbox_Returns400()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var elsewhere = await _api.NewSandbox(TestClients.OrgA);
        var schema = await _api.NewSchema(TestClients.OrgA, elsewhere);

        // Act
        using var response = await _api.Send(HttpMethod.Post, $"{Base}/dataSets", TestClients.OrgA, sandbox, $$$"""{"schemaRef":{"id":"{{{schema}}}"}}""");

        // Assert
        await CatalogApi.AssertError(response, HttpStatusCode.BadRequest, "schemaRef.id");
    }

    [Fact]
    public async Task Create_ProfileTagsOnSchemaNotEnabledForProfile_Returns400WithAepsDetail()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var schema = await _api.NewSchema(TestClients.OrgA, sandbox);

        // Act
        using var response = await _api.Send(HttpMethod.Post, $"{Base}/dataSets", TestClients.OrgA, sandbox,
            $$$"""{"schemaRef":{"id":"{{{schema}}}"},"tags":{"unifiedProfile":["enabled:true"],"unifiedIdentity":["enabled:true"]}}""");
        using var list = await _api.Get($"{Base}/dataSets", TestClients.OrgA, sandbox);

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await CatalogApi.AssertError(response, HttpStatusCode.BadRequest, "To enable profile datasets the schema should be valid");
        Assert.Equal("BadRequestError", (await AepClient.JsonAsync(response))["title"]!.GetValue<string>());
        Assert.Empty((await AepClient.JsonAsync(list)).AsObject());
    }

    [Fact]
    public async Task Create_ProfileTagsOnProfileEnabledSchema_Returns201Enabled()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var schema = await _api.NewProfileEnabledSchema(TestClients.OrgA, sandbox);

        // Act
        using var response = await _api.Send(HttpMethod.Post, $"{Base}/dataSets", TestClients.OrgA, sandbox,
            $$$"""{"schemaRef":{"id":"{{{schema}}}"},"tags":{"unifiedProfile":["enabled:true"],"unifiedIdentity":["enabled:true"]}}""");

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = CatalogApi.IdOf(await AepClient.JsonAsync(response));
        var dataset = (await _api.GetObject($"{Base}/dataSets/{id}", TestClients.OrgA, sandbox))[id]!;
        Assert.Equal("enabled:true", dataset["tags"]!["unifiedProfile"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_JsonPatchEnablingProfile_RefusedOnPlainSchemaAcceptedOnProfileSchema()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var plain = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewSchema(TestClients.OrgA, sandbox));
        var ready = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewProfileEnabledSchema(TestClients.OrgA, sandbox));
        const string Enable = """[{"op":"add","path":"/tags/unifiedProfile","value":["enabled:true"]},{"op":"add","path":"/tags/unifiedIdentity","value":["enabled:true"]}]""";

        // Act
        using var refused = await _api.Send(HttpMethod.Patch, $"{Base}/dataSets/{plain}", TestClients.OrgA, sandbox, Enable, "application/json-patch+json");
        using var accepted = await _api.Send(HttpMethod.Patch, $"{Base}/dataSets/{ready}", TestClients.OrgA, sandbox, Enable, "application/json-patch+json");

        // Assert
        await CatalogApi.AssertError(refused, HttpStatusCode.BadRequest, "To enable profile datasets the schema should be valid");
        var unchanged = (await _api.GetObject($"{Base}/dataSets/{plain}", TestClients.OrgA, sandbox))[plain]!;
        Assert.Null(unchanged["tags"]!["unifiedProfile"]);
        Assert.Equal("1.0.0", unchanged["version"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await OpenApiContract.AssertMatchesAsync(accepted);
        Assert.Equal($"[\"@/dataSets/{ready}\"]", await accepted.Content.ReadAsStringAsync());
        var enabled = (await _api.GetObject($"{Base}/dataSets/{ready}", TestClients.OrgA, sandbox))[ready]!;
        Assert.Equal("enabled:true", enabled["tags"]!["unifiedIdentity"]![0]!.GetValue<string>());
        Assert.Equal("1.0.1", enabled["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_MergeFields_ChangesOnlyThoseAndIgnoresReadOnly()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var id = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewSchema(TestClients.OrgA, sandbox), "Sample", new JsonObject { ["description"] = "keep" });

        // Act
        using var response = await _api.Send(HttpMethod.Patch, $"{Base}/dataSets/{id}", TestClients.OrgA2, sandbox, """{"name":"Updated Dataset Name","version":"7.7.7","files":"@/elsewhere"}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var dataset = (await _api.GetObject($"{Base}/dataSets/{id}", TestClients.OrgA, sandbox))[id]!;
        Assert.Equal("Updated Dataset Name", dataset["name"]!.GetValue<string>());
        Assert.Equal("keep", dataset["description"]!.GetValue<string>());
        Assert.Equal("1.0.1", dataset["version"]!.GetValue<string>());
        Assert.StartsWith($"@/dataSets/{id}/views/", dataset["files"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(TestClients.OrgA2.TechnicalAccountId, dataset["updatedUser"]!.GetValue<string>());
        Assert.Equal(TestClients.OrgA.TechnicalAccountId, dataset["createdUser"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_ReplacesWholeObject()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var schema = await _api.NewSchema(TestClients.OrgA, sandbox);
        var id = await _api.NewDataset(TestClients.OrgA, sandbox, schema, "Old", new JsonObject { ["description"] = "gone after PUT" });

        // Act: help/catalog/api/replace-object.md's body, with the schema
        using var response = await _api.Send(HttpMethod.Put, $"{Base}/dataSets/{id}", TestClients.OrgA, sandbox,
            $$$"""{"name":"New Dataset Name","state":"DRAFT","tags":{"adobe/pqs/table":["sample_dataset"]},"files":"@/dataSets/{{{id}}}/views/x/files","schemaRef":{"id":"{{{schema}}}"}}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        Assert.Equal($"[\"@/dataSets/{id}\"]", await response.Content.ReadAsStringAsync());
        var dataset = (await _api.GetObject($"{Base}/dataSets/{id}", TestClients.OrgA, sandbox))[id]!;
        Assert.Equal("New Dataset Name", dataset["name"]!.GetValue<string>());
        Assert.Null(dataset["description"]);
        Assert.Equal("sample_dataset", dataset["tags"]!["adobe/pqs/table"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_IfMatchOldVersion_Returns412AndNothingChanges()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var id = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewSchema(TestClients.OrgA, sandbox), "Kept");
        using (await _api.Send(HttpMethod.Patch, $"{Base}/dataSets/{id}", TestClients.OrgA, sandbox, """{"description":"v2"}"""))
        {
        }

        // Act
        using var stale = await _api.Send(HttpMethod.Patch, $"{Base}/dataSets/{id}", TestClients.OrgA, sandbox, """{"name":"Lost"}""", tweak: r => r.Headers.TryAddWithoutValidation("If-Match", "\"1.0.0\""));
        using var fresh = await _api.Send(HttpMethod.Patch, $"{Base}/dataSets/{id}", TestClients.OrgA, sandbox, """{"name":"Won"}""", tweak: r => r.Headers.TryAddWithoutValidation("If-Match", "\"1.0.1\""));

        // Assert
        await OpenApiContract.AssertMatchesAsync(stale);
        await CatalogApi.AssertError(stale, HttpStatusCode.PreconditionFailed, "1.0.1");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("Won", (await _api.GetObject($"{Base}/dataSets/{id}", TestClients.OrgA, sandbox))[id]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_Dataset_Returns200ReferenceThenGone()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var id = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewSchema(TestClients.OrgA, sandbox));

        // Act
        using var deleted = await _api.Send(HttpMethod.Delete, $"{Base}/dataSets/{id}", TestClients.OrgA, sandbox);
        using var again = await _api.Send(HttpMethod.Delete, $"{Base}/dataSets/{id}", TestClients.OrgA, sandbox);
        using var get = await _api.Get($"{Base}/dataSets/{id}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        await OpenApiContract.AssertMatchesAsync(deleted);
        Assert.Equal($"[\"@/dataSets/{id}\"]", await deleted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("[]", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Theory]
    [InlineData("{\"name\":", "Malformed JSON")]
    [InlineData("null", "null")]
    [InlineData("[1,2]", "an array")]
    [InlineData("\"dataset\"", "a string")]
    [InlineData("{\"name\":\"a\",\"name\":\"b\",\"schemaRef\":{\"id\":\"x\"}}", "twice")]
    [InlineData("{\"name\":42,\"schemaRef\":{\"id\":\"x\"}}", "'name'")]
    [InlineData("{\"name\":\"x\"}", "'schemaRef' is required")]
    [InlineData("{\"schemaRef\":{\"id\":\"x\"},\"tags\":{\"a\":\"not-an-array\"}}", "tags.a")]
    [InlineData("{\"schemaRef\":{\"id\":\"x\"},\"enableErrorDiagnostics\":\"yes\"}", "enableErrorDiagnostics")]
    [InlineData("{\"schemaRef\":{\"id\":\"x\"},\"name\":\"a\\u0000b\"}", "NUL")]
    [InlineData("{\"schemaRef\":{\"id\":\"x\"},\"name\":\"\\ud800\"}", "surrogate")]
    [InlineData("{\"schemaRef\":{\"id\":\"x\"},\"fileDescription\":{\"format\":\"exe\"}}", "fileDescription.format")]
    [InlineData("{\"schemaRef\":{\"id\":\"x\"},\"bad-name\":1}", "bad-name")]
    public async Task Create_MalformedOrHostileBody_Returns400AndStoresNothing(string body, string mentions)
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act
        using var response = await _api.Send(HttpMethod.Post, $"{Base}/dataSets", TestClients.OrgA, sandbox, body);
        using var list = await _api.Get($"{Base}/dataSets", TestClients.OrgA, sandbox);

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await CatalogApi.AssertError(response, HttpStatusCode.BadRequest, mentions);
        Assert.Empty((await AepClient.JsonAsync(list)).AsObject());
    }

    [Fact]
    public async Task Create_HostileButValidText_StoredAndReturnedVerbatim()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var schema = await _api.NewSchema(TestClients.OrgA, sandbox);
        const string Hostile = "<script>alert('x')</script>\"; DROP TABLE catalog_datasets; -- \u202e 𝔘ñí©ødé";

        // Act
        var id = await _api.NewDataset(TestClients.OrgA, sandbox, schema, Hostile, new JsonObject { ["tags"] = new JsonObject { ["x'--"] = new JsonArray(Hostile) } });
        using var filtered = await _api.Get($"{Base}/dataSets?name={Uri.EscapeDataString(Hostile)}", TestClients.OrgA, sandbox);

        // Assert
        var dataset = (await _api.GetObject($"{Base}/dataSets/{id}", TestClients.OrgA, sandbox))[id]!;
        Assert.Equal(Hostile, dataset["name"]!.GetValue<string>());
        Assert.Equal(Hostile, dataset["tags"]!["x'--"]![0]!.GetValue<string>());
        Assert.Equal([id], (await AepClient.JsonAsync(filtered)).AsObject().Select(kv => kv.Key));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.BadRequest, "content-type")]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType, "text/plain")]
    public async Task Create_WrongContentType_RefusedBeforeReadingTheBody(string? contentType, HttpStatusCode status, string mentions)
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act
        using var response = await _api.Send(HttpMethod.Post, $"{Base}/dataSets", TestClients.OrgA, sandbox, """{"schemaRef":{"id":"x"}}""", contentType);

        // Assert
        await CatalogApi.AssertError(response, status, mentions);
    }

    [Fact]
    public async Task Create_BodyOverTheLimit_Returns413()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var huge = $$"""{"schemaRef":{"id":"x"},"description":"{{new string('x', 70_000)}}"}""";

        // Act
        using var response = await _api.Send(HttpMethod.Post, $"{Base}/dataSets", TestClients.OrgA, sandbox, huge);

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("""[{"op":"add","path":"/version","value":"9"}]""", "version")]
    [InlineData("""[{"op":"remove","path":"/nothing"}]""", "does not exist")]
    [InlineData("""[{"op":"explode","path":"/name"}]""", "explode")]
    [InlineData("""[{"op":"add","path":"/tags/x","value":"not-an-array"}]""", "tags.x")]
    [InlineData("""[{"op":"replace","path":"/schemaRef/id","value":"https://ns.adobe.com/acme/schemas/none"}]""", "schemaRef.id")]
    public async Task Patch_BadJsonPatch_Returns400AndNothingChanges(string patch, string mentions)
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var id = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewSchema(TestClients.OrgA, sandbox), "Stable");

        // Act
        using var response = await _api.Send(HttpMethod.Patch, $"{Base}/dataSets/{id}", TestClients.OrgA, sandbox, patch, "application/json-patch+json");

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await CatalogApi.AssertError(response, HttpStatusCode.BadRequest, mentions);
        Assert.Equal("1.0.0", (await _api.GetObject($"{Base}/dataSets/{id}", TestClients.OrgA, sandbox))[id]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task OtherOrganization_SeesAndTouchesNothing()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var id = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewSchema(TestClients.OrgA, sandbox), "A's data");
        await _api.NewSandbox(TestClients.OrgB); // B has sandboxes of its own, but not this one

        // Act
        using var listB = await _api.Get($"{Base}/dataSets", TestClients.OrgB, "prod");
        using var getB = await _api.Get($"{Base}/dataSets/{id}", TestClients.OrgB, "prod");
        using var patchB = await _api.Send(HttpMethod.Patch, $"{Base}/dataSets/{id}", TestClients.OrgB, "prod", """{"name":"stolen"}""");
        using var deleteB = await _api.Send(HttpMethod.Delete, $"{Base}/dataSets/{id}", TestClients.OrgB, "prod");
        using var sandboxB = await _api.Get($"{Base}/dataSets", TestClients.OrgB, sandbox);

        // Assert
        Assert.DoesNotContain(id, (await AepClient.JsonAsync(listB)).AsObject().Select(kv => kv.Key));
        Assert.Equal(HttpStatusCode.NotFound, getB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, patchB.StatusCode);
        Assert.Equal("[]", await deleteB.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, sandboxB.StatusCode); // the sandbox name is A's
        Assert.Equal("A's data", (await _api.GetObject($"{Base}/dataSets/{id}", TestClients.OrgA, sandbox))[id]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task OtherSandbox_SeesNothing()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var other = await _api.NewSandbox(TestClients.OrgA);
        var id = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewSchema(TestClients.OrgA, sandbox));

        // Act
        using var list = await _api.Get($"{Base}/dataSets", TestClients.OrgA, other);
        using var get = await _api.Get($"{Base}/dataSets/{id}", TestClients.OrgA, other);
        using var delete = await _api.Send(HttpMethod.Delete, $"{Base}/dataSets/{id}", TestClients.OrgA, other);

        // Assert
        Assert.Empty((await AepClient.JsonAsync(list)).AsObject());
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("[]", await delete.Content.ReadAsStringAsync());
        Assert.Single(await _api.GetObject($"{Base}/dataSets", TestClients.OrgA, sandbox));
    }

    [Fact]
    public async Task SandboxReset_WipesDatasetsAndBatches_OtherSandboxKept()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var kept = await _api.NewSandbox(TestClients.OrgA);
        var id = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewSchema(TestClients.OrgA, sandbox));
        await _api.NewBatch(TestClients.OrgA, sandbox, id);
        var keptId = await _api.NewDataset(TestClients.OrgA, kept, await _api.NewSchema(TestClients.OrgA, kept));

        // Act
        using var reset = await _api.Client.SendAsync(HttpMethod.Put, $"/data/foundation/sandbox-management/sandboxes/{sandbox}", TestClients.OrgA, json: new { action = "reset" });

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);
        Assert.Empty(await _api.GetObject($"{Base}/dataSets", TestClients.OrgA, sandbox));
        Assert.Empty(await _api.GetObject($"{Base}/batches", TestClients.OrgA, sandbox));
        Assert.Equal([keptId], (await _api.GetObject($"{Base}/dataSets", TestClients.OrgA, kept)).Select(kv => kv.Key));
    }
}

public sealed class CatalogDataSetsApiTestsPostgres(PostgresPlatform fixture) : CatalogDataSetsApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class CatalogDataSetsApiTestsSqlite(SqlitePlatform fixture) : CatalogDataSetsApiTests(fixture), IClassFixture<SqlitePlatform>;
