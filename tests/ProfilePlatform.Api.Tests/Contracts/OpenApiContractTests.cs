using System.Net;
using System.Text;
using NJsonSchema.Validation;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ProfilePlatform.Api.Tests.Contracts;

public sealed class OpenApiContractTests(ITestOutputHelper output)
{
    private const string Sandbox = """
        {"name":"acme-dev","title":"Acme Dev","state":"active","type":"development","region":"VA7","isDefault":false,
         "etag":2,"createdDate":"2019-09-04 04:57:24","lastModifiedDate":"2019-09-04 04:57:24","createdBy":"u@AdobeID","modifiedBy":"u@AdobeID"}
        """;

    private const string IdentityDescriptor = """
        {"@id":"f7a4bc25429496c4740f8f9a7a49ba96862c5379","@type":"xdm:descriptorIdentity",
         "xdm:sourceSchema":"https://ns.adobe.com/acme/schemas/fbc52b243d04b5d4f41eaa72a8ba58be","xdm:sourceVersion":1,
         "xdm:sourceProperty":"/_acme/loyaltyId","xdm:namespace":"Email","xdm:property":"xdm:code","xdm:isPrimary":true}
        """;

    private const string MergePolicy = """
        {"id":"10648288-cda5-11e8-a8d5-f2801f1b9fd1","name":"profile-default","schema":{"name":"_xdm.context.profile"},"version":1,
         "identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"},"default":true,"isActiveOnEdge":false}
        """;

    /// <summary>Bodies AEP's docs show where the specs disagree, for deviations no spec example exercises.</summary>
    private static readonly (string Method, string Path, int Status, string Body, string Source)[] DocumentedBodies =
    [
        ("GET", "/data/foundation/sandbox-management/sandboxTypes", 200, """{"sandboxTypes":["production","development"]}""",
            "help/sandboxes/api/list-sandbox-types.md"),
        ("GET", "/data/foundation/schemaregistry/tenant/descriptors", 200, """
            {"xdm:alternateDisplayInfo":["/tenant/descriptors/85dc1bc8b91516ac41163365318e38a9f1e4f351",
                                         "/tenant/descriptors/49bd5abb5a1310ee80ebc1848eb508d383a462cf"],
             "xdm:descriptorIdentity":["/tenant/descriptors/f7a4bc25429496c4740f8f9a7a49ba96862c5379"],
             "xdm:descriptorOneToOne":["/tenant/descriptors/cb509fd6f8ab6304e346905441a34b58a0cd481a"]}
            """, "help/xdm/api/descriptors.md list response (Accept: application/vnd.adobe.xdm-link+json)"),
        ("GET", "/data/foundation/schemaregistry/tenant/descriptors", 200, """
            {"xdm:alternateDisplayInfo":[{"@type":"xdm:alternateDisplayInfo","xdm:sourceSchema":"https://ns.adobe.com/acme/schemas/274f17bc5807ff307a046bab1489fb18",
               "xdm:sourceVersion":1,"xdm:sourceProperty":"/xdm:eventType","xdm:title":{"en_us":"Event Type"},
               "xdm:description":{"en_us":"The type of experience event detected by the system."},"@id":"85dc1bc8b91516ac41163365318e38a9f1e4f351"}],
             "xdm:descriptorIdentity":[{"@type":"xdm:descriptorIdentity","xdm:sourceSchema":"https://ns.adobe.com/acme/schemas/fbc52b243d04b5d4f41eaa72a8ba58be",
               "xdm:sourceVersion":1,"xdm:sourceProperty":"/personalEmail/address","xdm:namespace":"Email","xdm:property":"xdm:code",
               "xdm:isPrimary":false,"imsOrg":"{ORG_ID}","created":1548899346989,"updated":1548899346989,"meta:containerId":"tenant",
               "@id":"f3a1dfa38a4871cf4442a33074c1f9406a593407"}]}
            """, "help/xdm/api/descriptors.md: the friendly name and lookup examples, grouped by @type as the list (Accept: application/vnd.adobe.xdm+json) returns them"),
        ("GET", "/data/core/idnamespace/identities", 200, """
            [{"updateTime":1495153678000,"code":"ECID","status":"ACTIVE","description":"ECID Namespace","id":4,"createTime":1495153678000,"idType":"COOKIE","name":"ECID","custom":false},
             {"updateTime":1576286879075,"code":"Loyalty","status":"ACTIVE","description":"Loyalty Program Member ID","id":10093197,"createTime":1576286879075,"idType":"Cross_device","name":"Loyalty Member","custom":true}]
            """, "help/identity-service/api/list-namespaces.md's ECID and the namespace help/identity-service/api/create-custom-namespace.md creates, as the list returns them"),
        ("GET", "/data/core/idnamespace/identities/4", 200, """
            {"updateTime":1495153678000,"code":"ECID","status":"ACTIVE","description":"ECID Namespace","id":4,"createTime":1495153678000,"idType":"COOKIE","name":"ECID","custom":false}
            """, "help/identity-service/api/list-namespaces.md: the ECID object, which the lookup of id 4 returns alone"),
        ("POST", "/data/foundation/import/batches", 201, """
            {"id":"01E8043CY305K2MTV5ANH9G1GC","imsOrg":"{IMS_ORG}","updated":0,"status":"loading","created":0,
             "relatedObjects":[{"type":"dataSet","id":"5c8c3c555033b814b69f947f"}],"version":"1.0.0","tags":{},
             "createdUser":"{USER_ID}","updatedUser":"{USER_ID}"}
            """, "help/ingestion/batch-ingestion/api-overview.md create batch response"),
        ("GET", "/data/core/ups/system/jobs/80a9405a-21ca-4278-aedf-99367f90c055", 200, """
            {"requestId":"80a9405a-21ca-4278-aedf-99367f90c055","requestType":"TRUNCATE_DATASET","imsOrgId":"{ORG_ID}",
             "sandbox":{"sandboxName":"prod","sandboxId":"8129954b-fa83-43ba-a995-4bfa8373ba2b"},"status":"NEW",
             "properties":{"datasetId":"66a92c5910df2d1767de13f3"},"createdAt":"2024-12-22T19:44:50.250006Z","updatedAt":"2024-12-22T19:44:50.250006Z"}
            """, "help/profile/api/profile-system-jobs.md create response: a request looked up before it starts is NEW"),
        ("GET", "/data/core/ups/system/jobs", 200, """
            {"_page":{"count":1},"children":[{"id":"9c2018e2-cd04-46a4-b38e-89ef7b1fcdf4","imsOrgId":"{ORG_ID}","batchId":"8d075b5a178e48389126b9289dcfd0ac",
             "jobType":"DELETE","status":"SUCCESS","metrics":"{\"recordsProcessed\":5,\"timeTakenInSec\":1}","createEpoch":1559026134,"updateEpoch":1559026137}]}
            """, "profile.yaml list example with help/profile/api/profile-system-jobs.md's status of a finished request (SUCCESS)"),
    ];

    [Theory]
    [InlineData("batch-ingestion.yaml", "/data/foundation/import")]
    [InlineData("catalog.yaml", "/data/foundation/catalog")]
    [InlineData("data-access.yaml", "/data/foundation/export")]
    [InlineData("data-prep.yaml", "/data/foundation/conversion")]
    [InlineData("dataset-service.yaml", "/data/foundation/dataset")]
    [InlineData("destinations.yaml", "/data/foundation/flowservice")]
    [InlineData("flow-service.yaml", "/data/foundation/flowservice")]
    [InlineData("identity-service.yaml", "/data/core")]
    [InlineData("profile.yaml", "/data/core")]
    [InlineData("sandbox.yaml", "/data/foundation")]
    [InlineData("schema-registry.yaml", "/data/foundation/schemaregistry")]
    [InlineData("segmentation.yaml", "/data/core/ups")]
    [InlineData("streaming-ingestion.yaml", "")]
    public void Specs_VendoredFile_LoadsWithItsBasePath(string file, string basePath)
    {
        // Arrange
        var specs = AepSpecCatalog.Specs;

        // Act
        var spec = specs.Single(s => s.File == file);

        // Assert
        Assert.Equal(13, specs.Count);
        Assert.Equal(basePath, spec.BasePath);
        Assert.NotEmpty(spec.Operations);
    }

    [Theory]
    [InlineData("GET", "/data/foundation/sandbox-management/sandboxes/acme-dev", "sandbox.yaml", "/sandbox-management/sandboxes/{sandboxName}")]
    [InlineData("GET", "/data/foundation/sandbox-management/", "sandbox.yaml", "/sandbox-management/")]
    [InlineData("GET", "/data/foundation/sandbox-management", "sandbox.yaml", "/sandbox-management/")]
    [InlineData("GET", "/data/foundation/sandbox-management/sandboxTypes", "sandbox.yaml", "/sandbox-management/sandboxTypes")]
    [InlineData("GET", "/data/foundation/schemaregistry/tenant/descriptors/f7a4bc2542", "schema-registry.yaml", "/{CONTAINER_ID}/descriptors/{DESCRIPTOR_ID}")]
    [InlineData("PUT", "/data/foundation/schemaregistry/tenant/descriptors/f7a4bc2542", "schema-registry.yaml", "/tenant/descriptors/{DESCRIPTOR_ID}")]
    [InlineData("GET", "/data/foundation/schemaregistry/global/behaviors", "schema-registry.yaml", "/global/behaviors")]
    [InlineData("GET", "/data/foundation/catalog/dataSets/5c8c3c555033b814b69f947f", "catalog.yaml", "/dataSets/{DATASET_ID}")]
    [InlineData("GET", "/data/foundation/catalog/dataSets?limit=5", "catalog.yaml", "/dataSets")]
    [InlineData("GET", "/data/foundation/flowservice/connections", "flow-service.yaml", "/connections")]
    [InlineData("GET", "/data/foundation/flowservice/connections/77a05521", "flow-service.yaml", "/connections/{BASE_CONNECTION_ID}")]
    [InlineData("PATCH", "/data/foundation/flowservice/connections/77a05521", "flow-service.yaml", "/connections/{BASE_CONNECTION_ID}/")]
    [InlineData("GET", "/data/core/ups/config/mergePolicies", "profile.yaml", "/ups/config/mergePolicies")]
    [InlineData("GET", "/data/core/ups/segment/jobs", "segmentation.yaml", "/segment/jobs")]
    [InlineData("GET", "/data/core/identity/identity", "identity-service.yaml", "/identity/identity")]
    [InlineData("POST", "/collection/9b0cb233972f3b0092992284c7353f5eead496218e8441a79b25e9421ea127f5", "streaming-ingestion.yaml", "/collection/{CONNECTION_ID}")]
    public void Validate_RequestPath_FindsTheSpecOperation(string method, string path, string spec, string template)
    {
        // Arrange
        const int Status = 200;

        // Act
        var result = OpenApiContract.Validate(method, path, Status, "{}");

        // Assert
        Assert.Equal(spec, result.SpecFile);
        Assert.Equal(template, result.PathTemplate);
    }

    [Fact]
    public async Task AssertMatchesAsync_UnknownPath_Fails()
    {
        // Arrange
        using var response = Response(HttpMethod.Get, "/data/foundation/nowhere/things/1", HttpStatusCode.OK, "{}");

        // Act
        var failure = await Assert.ThrowsAsync<FailException>(() => OpenApiContract.AssertMatchesAsync(response));

        // Assert
        Assert.Contains("No operation in the AEP specs matches this path", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UndocumentedMethod_ReportsTheDocumentedOnes()
    {
        // Arrange
        const string Path = "/data/foundation/sandbox-management/sandboxTypes";

        // Act
        var result = OpenApiContract.Validate("DELETE", Path, 200, "{}");

        // Assert
        Assert.False(result.IsMatch);
        Assert.Contains("sandbox.yaml GET /sandbox-management/sandboxTypes", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssertMatchesAsync_UndocumentedStatus_Fails()
    {
        // Arrange
        using var response = Response(HttpMethod.Get, "/data/foundation/sandbox-management/sandboxes/acme-dev", (HttpStatusCode)418, Sandbox);

        // Act
        var failure = await Assert.ThrowsAsync<FailException>(() => OpenApiContract.AssertMatchesAsync(response));

        // Assert
        Assert.Contains("Status 418 is not documented", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssertMatchesAsync_MatchingSandbox_Passes()
    {
        // Arrange
        using var response = Response(HttpMethod.Get, "/data/foundation/sandbox-management/sandboxes/acme-dev", HttpStatusCode.OK, Sandbox);

        // Act
        var failure = await Record.ExceptionAsync(() => OpenApiContract.AssertMatchesAsync(response));

        // Assert
        Assert.Null(failure);
    }

    [Fact]
    public void Validate_SandboxDatesWithASpace_MatchWithoutDeviation()
    {
        // Arrange: "yyyy-MM-dd HH:mm:ss" as help/sandboxes/api/sandboxes.md shows; NJsonSchema accepts it as date-time.
        const string Path = "/data/foundation/sandbox-management/sandboxes/acme-dev";

        // Act
        var result = OpenApiContract.Validate("GET", Path, 200, Sandbox);

        // Assert
        Assert.True(result.IsMatch, result.Describe());
        Assert.True(result.HasSchema);
        Assert.Equal("200", result.StatusKey);
        Assert.Empty(result.AppliedDeviations);
    }

    [Fact]
    public void Validate_SandboxEtagAsString_FailsAtItsPath()
    {
        // Arrange
        var body = Sandbox.Replace("\"etag\":2", "\"etag\":\"x\"", StringComparison.Ordinal);

        // Act
        var result = OpenApiContract.Validate("GET", "/data/foundation/sandbox-management/sandboxes/acme-dev", 200, body);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.etag", error.Path);
        Assert.Equal(ValidationErrorKind.IntegerExpected, error.Kind);
    }

    [Fact]
    public async Task AssertMatchesAsync_SandboxEtagAsString_FailsNamingThePath()
    {
        // Arrange
        var body = Sandbox.Replace("\"etag\":2", "\"etag\":\"x\"", StringComparison.Ordinal);
        using var response = Response(HttpMethod.Get, "/data/foundation/sandbox-management/sandboxes/acme-dev", HttpStatusCode.OK, body);

        // Act
        var failure = await Assert.ThrowsAsync<FailException>(() => OpenApiContract.AssertMatchesAsync(response));

        // Assert
        Assert.Contains("$.etag: IntegerExpected", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SandboxInvalidDate_FailsWithDateTimeExpected()
    {
        // Arrange: format checks are on, so not every string is a date-time.
        var body = Sandbox.Replace("\"createdDate\":\"2019-09-04 04:57:24\"", "\"createdDate\":\"yesterday\"", StringComparison.Ordinal);

        // Act
        var result = OpenApiContract.Validate("GET", "/data/foundation/sandbox-management/sandboxes/acme-dev", 200, body);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(("$.createdDate", ValidationErrorKind.DateTimeExpected), (error.Path, error.Kind));
    }

    [Fact]
    public void Validate_NullForANonNullableProperty_Fails()
    {
        // Arrange
        var body = Sandbox.Replace("\"title\":\"Acme Dev\"", "\"title\":null", StringComparison.Ordinal);

        // Act
        var result = OpenApiContract.Validate("GET", "/data/foundation/sandbox-management/sandboxes/acme-dev", 200, body);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(("$.title", ValidationErrorKind.StringExpected), (error.Path, error.Kind));
    }

    [Theory]
    [InlineData("""{"totalPages":1,"nextPage":null,"pageSize":null,"data":[]}""", null)]
    [InlineData("""{"totalPages":null,"nextPage":null,"data":[]}""", "$.totalPages")]
    public void Validate_OpenApi3Nullable_IsHonoured(string body, string? failingPath)
    {
        // Arrange: sandbox.yaml ListPartnershipRequestsResponse has nextPage and pageSize "nullable: true".
        const string Path = "/data/foundation/exim/handshake/list";

        // Act
        var result = OpenApiContract.Validate("GET", Path, 200, body);

        // Assert
        Assert.Equal(failingPath, result.Errors.SingleOrDefault()?.Path);
    }

    [Fact]
    public void Validate_MergePolicyWithoutRequiredProperty_FailsWhereTheSpecRequiresIt()
    {
        // Arrange: profile.yaml MergePolicy (allOf PostMergePolicy) requires attributeMerge, identityGraph and schema.
        var body = MergePolicy.Replace("\"identityGraph\":{\"type\":\"pdg\"},", "", StringComparison.Ordinal);

        // Act
        var result = OpenApiContract.Validate("GET", "/data/core/ups/config/mergePolicies/10648288-cda5-11e8-a8d5-f2801f1b9fd1", 200, body);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(("$.identityGraph", ValidationErrorKind.PropertyRequired), (error.Path, error.Kind));
    }

    [Fact]
    public void Validate_CompleteMergePolicy_Matches()
    {
        // Arrange
        const string Path = "/data/core/ups/config/mergePolicies/10648288-cda5-11e8-a8d5-f2801f1b9fd1";

        // Act
        var result = OpenApiContract.Validate("GET", Path, 200, MergePolicy);

        // Assert
        Assert.True(result.IsMatch, result.Describe());
    }

    [Fact]
    public void Validate_Swagger2DescriptorWithUndeclaredProperty_Matches()
    {
        // Arrange: Swagger 2.0 leaves additionalProperties open, although NJsonSchema reads it as closed.
        var body = IdentityDescriptor.Replace("{", "{\"meta:containerId\":\"tenant\",", StringComparison.Ordinal);

        // Act
        var result = OpenApiContract.Validate("GET", "/data/foundation/schemaregistry/tenant/descriptors/f7a4bc2542", 200, body);

        // Assert
        Assert.True(result.IsMatch, result.Describe());
        Assert.Contains(result.AppliedDeviations, d => d.Error.Path == "$.xdm:sourceVersion");
    }

    [Fact]
    public void Validate_Swagger2OptionalPropertyNull_FailsUnlessXNullable()
    {
        // Arrange: NJsonSchema's Swagger 2.0 mode would accept null for any optional property.
        var body = IdentityDescriptor.Replace("\"xdm:namespace\":\"Email\"", "\"xdm:namespace\":null", StringComparison.Ordinal);

        // Act
        var result = OpenApiContract.Validate("GET", "/data/foundation/schemaregistry/tenant/descriptors/f7a4bc2542", 200, body);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(("$.xdm:namespace", ValidationErrorKind.StringExpected), (error.Path, error.Kind));
    }

    [Fact]
    public void Validate_SandboxTypesAsTheDocShowsThem_MatchesThroughTheDeviation()
    {
        // Arrange
        var (method, path, status, body, _) = DocumentedBodies[0];

        // Act
        var result = OpenApiContract.Validate(method, path, status, body);

        // Assert
        Assert.True(result.IsMatch, result.Describe());
        Assert.Equal(2, result.AppliedDeviations.Count);
        Assert.All(result.AppliedDeviations, d => Assert.Equal("$.sandboxTypes[*]", d.Deviation.JsonPath));
    }

    [Fact]
    public void Validate_SandboxTypesNotAnArray_StillFails()
    {
        // Arrange: the deviation waives ObjectExpected on the items, nothing else.
        const string Body = """{"sandboxTypes":"production"}""";

        // Act
        var result = OpenApiContract.Validate("GET", "/data/foundation/sandbox-management/sandboxTypes", 200, Body);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(("$.sandboxTypes", ValidationErrorKind.ArrayExpected), (error.Path, error.Kind));
    }

    [Fact]
    public void Validate_ErrorOnlyTheSpecExampleMakes_IsNotWaivedForResponses()
    {
        // Arrange: streaming-ingestion.yaml's example has receivedTimeMs as a string, AEP sends an integer.
        const string Body = """{"inletId":"9b0cb2","xactionId":"1555445493896:8600:8","receivedTimeMs":"1555445493932"}""";

        // Act
        var result = OpenApiContract.Validate("POST", "/collection/9b0cb2", 200, Body);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(("$.receivedTimeMs", ValidationErrorKind.IntegerExpected), (error.Path, error.Kind));
    }

    [Fact]
    public void Validate_DocumentedResponseWithoutSchema_MatchesAndSaysSo()
    {
        // Arrange: catalog.yaml documents its 404 with "content: {}".
        const string Body = """{"message":"not found"}""";

        // Act
        var result = OpenApiContract.Validate("GET", "/data/foundation/catalog/dataSets/5c8c3c555033b814b69f947f", 404, Body);

        // Assert
        Assert.True(result.IsMatch, result.Describe());
        Assert.False(result.HasSchema);
        Assert.Equal("404", result.StatusKey);
    }

    [Fact]
    public void Validate_BodyThatIsNotJson_Fails()
    {
        // Arrange
        const string Body = "<html>oops</html>";

        // Act
        var result = OpenApiContract.Validate("GET", "/data/foundation/sandbox-management/sandboxes/acme-dev", 200, Body, "text/html");

        // Assert
        Assert.False(result.IsMatch);
        Assert.Contains("not JSON", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpecExamples_WithKnownDeviations_AllMatchTheirSchemas()
    {
        // Arrange
        var examples = ExamplesWithSchema();

        // Act
        var failures = examples
            .Select(e => (Example: e, OpenApiContract.ValidateExample(e).Errors))
            .Where(r => r.Errors.Count > 0)
            .Select(r => $"{r.Example}:\n  {string.Join("\n  ", r.Errors)}")
            .ToList();

        // Assert
        Assert.True(failures.Count == 0, $"{failures.Count} spec example(s) fail:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public void SpecExamples_WithoutDeviations_FailOnlyWhereTheSpecsAreKnownToBeWrong()
    {
        // Arrange
        var all = AepSpecCatalog.Specs.SelectMany(SpecExamples.Of).ToList();
        var examples = ExamplesWithSchema();

        // Act
        var rawFailures = examples.Where(e => OpenApiContract.ValidateExample(e, applyDeviations: false).Errors.Count > 0).ToList();
        var waived = examples.Where(e => OpenApiContract.ValidateExample(e).Waived.Count > 0).ToList();

        // Assert
        foreach (var spec in AepSpecCatalog.Specs)
        {
            output.WriteLine($"{spec.File}: {all.Count(e => e.Operation.Spec == spec)} examples, "
                + $"{rawFailures.Count(e => e.Operation.Spec == spec)} fail without deviations");
        }

        // Pinned: a loosened validator would pass more of them, a stricter one fail more.
        Assert.Equal(202, all.Count);
        Assert.Equal(200, examples.Count);
        Assert.Equal(66, rawFailures.Count);
        Assert.Equal(rawFailures, waived);
    }

    [Theory]
    [InlineData(1, "$.*[*]")]
    [InlineData(2, "$.xdm:alternateDisplayInfo[*].xdm:title")]
    public void Validate_DescriptorListsAsTheDocShowsThem_MatchThroughTheDeviations(int index, string waivedPath)
    {
        // Arrange
        var (method, path, status, body, _) = DocumentedBodies[index];

        // Act
        var result = OpenApiContract.Validate(method, path, status, body);

        // Assert
        Assert.True(result.IsMatch, result.Describe());
        Assert.Contains(result.AppliedDeviations, d => d.Deviation.JsonPath == waivedPath);
    }

    [Fact]
    public void KnownSpecDeviations_EveryEntry_WaivesAnErrorInAKnownBody()
    {
        // Arrange
        var fromExamples = ExamplesWithSchema().SelectMany(e => OpenApiContract.ValidateExample(e).Waived);
        var fromDocs = DocumentedBodies.SelectMany(b => OpenApiContract.Validate(b.Method, b.Path, b.Status, b.Body).AppliedDeviations);

        // Act
        var used = fromExamples.Concat(fromDocs).Select(a => a.Deviation).ToHashSet();
        var unused = KnownSpecDeviations.All.Where(d => !used.Contains(d)).ToList();

        // Assert
        Assert.True(unused.Count == 0, $"Deviations that waive nothing (stale?):\n{string.Join("\n", unused)}");
    }

    private static List<SpecExample> ExamplesWithSchema() =>
        [.. AepSpecCatalog.Specs.SelectMany(SpecExamples.Of).Where(e => e.Schema is not null)];

    private static HttpResponseMessage Response(HttpMethod method, string path, HttpStatusCode status, string body) =>
        new(status)
        {
            RequestMessage = new HttpRequestMessage(method, new Uri("http://localhost" + path)),
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
}
