using ProfilePlatform.Domain.Identity;
using System.Net;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.Identity;

/// <summary><c>GET /identity/identity</c> (identity-service.yaml <c>retrieveIdentity</c>,
/// help/identity-service/api/list-native-id.md): the XID of a namespace and value, by code or nsid, stable and
/// distinct, with the documented InvalidInput error.</summary>
public abstract class IdentityXidApiTests(PlatformFixture fixture)
{
    private const string Base = IdentityApi.Xid;
    private readonly IdentityApi _api = new(fixture);

    [Fact]
    public async Task Get_DocumentedEmailRequest_ReturnsAStableBase64Xid()
    {
        // Act
        using var first = await _api.Get($"{Base}?namespace=email&id=test@adobetest.com", TestClients.OrgA, "prod");
        using var second = await _api.Get($"{Base}?namespace=Email&id=test%40adobetest.com", TestClients.OrgA, "prod");

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await OpenApiContract.AssertMatchesAsync(first);
        var body = (await AepClient.JsonAsync(first)).AsObject();
        Assert.Equal(["xid"], body.Select(p => p.Key));
        var xid = body["xid"]!.GetValue<string>();
        Assert.Matches("^[A-Za-z0-9_-]{30}$", xid);
        Assert.Equal(new CompositeIdentity("Email", "test@adobetest.com").Xid, xid); // the XID the identity graph stores
        Assert.Equal(xid, (await AepClient.JsonAsync(second))["xid"]!.GetValue<string>());
        Assert.True(first.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task Get_ByNsidOrCode_SameXid_AndNamespaceWinsOverNsid()
    {
        // Act
        var byCode = await Xid("namespace=adcloud&id=2521328045094711779817");
        var byNsid = await Xid("nsid=411&id=2521328045094711779817");
        var both = await Xid("nsid=411&namespace=adcloud&id=2521328045094711779817");
        var codeWins = await Xid("nsid=6&namespace=AdCloud&id=2521328045094711779817");

        // Assert
        Assert.Equal(byCode, byNsid);
        Assert.Equal(byCode, both);
        Assert.Equal(byCode, codeWins);
    }

    [Fact]
    public async Task Get_OtherValueOrNamespace_GivesAnotherXid()
    {
        // Act
        var email = await Xid("namespace=Email&id=jane@example.com");
        var otherValue = await Xid("namespace=Email&id=Jane@example.com");
        var otherNamespace = await Xid("namespace=Phone&id=jane@example.com");

        // Assert
        Assert.Equal(3, new[] { email, otherValue, otherNamespace }.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Get_CustomNamespace_OnlyInTheSandboxThatHasIt()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var other = await _api.NewSandbox(TestClients.OrgA);
        var ns = await _api.NewNamespace(TestClients.OrgA, sandbox, "CRMID", "CRM ID");

        // Act
        using var byCode = await _api.Get($"{Base}?namespace=crmid&id=C-1", TestClients.OrgA, sandbox);
        using var byNsid = await _api.Get($"{Base}?nsid={ns["id"]}&id=C-1", TestClients.OrgA, sandbox);
        using var elsewhere = await _api.Get($"{Base}?namespace=CRMID&id=C-1", TestClients.OrgA, other);
        using var otherOrg = await _api.Get($"{Base}?nsid={ns["id"]}&id=C-1", TestClients.OrgB, "prod");

        // Assert
        Assert.Equal(HttpStatusCode.OK, byCode.StatusCode);
        Assert.Equal((await AepClient.JsonAsync(byCode)).ToJsonString(), (await AepClient.JsonAsync(byNsid)).ToJsonString());
        await OpenApiContract.AssertMatchesAsync(elsewhere);
        await IdentityApi.AssertIdentityError(elsewhere, HttpStatusCode.BadRequest, "InvalidInput", "The provided namespace=CRMID and id=C-1 is invalid");
        await IdentityApi.AssertIdentityError(otherOrg, HttpStatusCode.BadRequest, "InvalidInput", $"nsid={ns["id"]}");
    }

    [Theory]
    [InlineData("namespace=CRMID&id=ssbtest124March262019crmi1", "The provided namespace=CRMID and id=ssbtest124March262019crmi1 is invalid. Please provide a valid namespace and id in your request")]
    [InlineData("nsid=99&id=x", "nsid=99")]
    [InlineData("nsid=abc&id=x", "nsid=abc")]
    [InlineData("nsid=-6&id=x", "nsid=-6")]
    [InlineData("id=x", "'namespace'")]
    [InlineData("namespace=&nsid=&id=x", "'namespace'")]
    [InlineData("namespace=Email", "'id' is required")]
    [InlineData("namespace=Email&id=", "'id' is required")]
    [InlineData("namespace=Email&id=%20%20", "'id' is required")]
    [InlineData("namespace=%3Cscript%3E&id=x", "namespace=<script>")]
    public async Task Get_InvalidNamespaceOrId_Returns400InvalidInput(string query, string mentions)
    {
        // Act
        using var response = await _api.Get($"{Base}?{query}", TestClients.OrgA, "prod");

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await IdentityApi.AssertIdentityError(response, HttpStatusCode.BadRequest, "InvalidInput", mentions);
    }

    [Fact]
    public async Task Get_IdLongerThanTheGuardrail_Returns400()
    {
        // Act
        using var atLimit = await _api.Get($"{Base}?namespace=Email&id={new string('a', 1024)}", TestClients.OrgA, "prod");
        using var over = await _api.Get($"{Base}?namespace=Email&id={new string('a', 1025)}", TestClients.OrgA, "prod");

        // Assert
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        await IdentityApi.AssertIdentityError(over, HttpStatusCode.BadRequest, "InvalidInput", "1 to 1024 characters");
    }

    private async Task<string> Xid(string query)
    {
        using var response = await _api.Get($"{Base}?{query}", TestClients.OrgA, "prod");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await AepClient.JsonAsync(response))["xid"]!.GetValue<string>();
    }
}

public sealed class IdentityXidApiTestsPostgres(PostgresPlatform fixture) : IdentityXidApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class IdentityXidApiTestsSqlite(SqlitePlatform fixture) : IdentityXidApiTests(fixture), IClassFixture<SqlitePlatform>;
