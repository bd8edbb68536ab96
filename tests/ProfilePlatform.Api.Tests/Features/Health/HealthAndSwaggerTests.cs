using System.Net;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.Health;

/// <summary>Health endpoints and the platform's own OpenAPI document.</summary>
public abstract class HealthAndSwaggerTests(PlatformFixture fixture)
{
    private readonly HttpClient _http = fixture.Factory.CreateClient();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_StoreUp_ReportsHealthyWithoutCredentials(string path)
    {
        // Act
        using var response = await _http.GetAsync(path);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await AepClient.JsonAsync(response))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ready_ChecksTheStore()
    {
        // Act
        using var response = await _http.GetAsync("/health/ready");

        // Assert
        Assert.Equal("Healthy", (await AepClient.JsonAsync(response))["checks"]!["store"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Swagger_Document_DescribesSecurityAndAepHeaders()
    {
        // Act
        using var response = await _http.GetAsync("/swagger/v1/swagger.json");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await AepClient.JsonAsync(response);
        Assert.StartsWith("3.", doc["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        var schemes = doc["components"]!["securitySchemes"]!;
        Assert.Equal("bearer", schemes["bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("x-api-key", schemes["x-api-key"]!["name"]!.GetValue<string>());
        var list = doc["paths"]!["/data/foundation/sandbox-management/sandboxes"]!["get"]!;
        Assert.Contains(list["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "x-gw-ims-org-id" && p["in"]!.GetValue<string>() == "header");
        Assert.NotEmpty(list["security"]!.AsArray());
        Assert.NotNull(doc["paths"]!["/ims/token/v3"]);
        Assert.Null(doc["paths"]!["/ims/token/v3"]!["post"]!["security"]);
    }

    [Fact]
    public async Task SwaggerUi_IsServed()
    {
        // Act
        using var response = await _http.GetAsync("/swagger/index.html");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class HealthAndSwaggerTestsPostgres(PostgresPlatform fixture) : HealthAndSwaggerTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class HealthAndSwaggerTestsSqlite(SqlitePlatform fixture) : HealthAndSwaggerTests(fixture), IClassFixture<SqlitePlatform>;
