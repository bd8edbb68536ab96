namespace ProfilePlatform.Api.Tests.Infrastructure;

/// <summary>The API clients the test platform is configured with: two organizations, and a second client of the first.</summary>
public static class TestClients
{
    /// <summary>HMAC key the test platform signs tokens with, so tests can forge and inspect tokens.</summary>
    public const string SigningKey = "cHJvZmlsZXBsYXRmb3JtLXRlc3Qtc2lnbmluZy1rZXktMzJieXRlcyE=";

    public static readonly TestClient OrgA = new("test-client-a", "secret-a", "AAAA0000000000000000000A@AdobeOrg", "acme", "A0000000000000000000000A@techacct.adobe.com");
    public static readonly TestClient OrgA2 = new("test-client-a2", "secret-a2", "AAAA0000000000000000000A@AdobeOrg", "acme", "A2000000000000000000000A@techacct.adobe.com");
    public static readonly TestClient OrgB = new("test-client-b", "secret-b", "BBBB0000000000000000000B@AdobeOrg", "globex", "B0000000000000000000000B@techacct.adobe.com");

    public static readonly IReadOnlyList<TestClient> All = [OrgA, OrgA2, OrgB];
}

/// <summary>One configured API client.</summary>
public sealed record TestClient(string ClientId, string ClientSecret, string ImsOrg, string TenantId, string TechnicalAccountId);
