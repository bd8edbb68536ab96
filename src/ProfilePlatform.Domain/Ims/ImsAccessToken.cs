namespace ProfilePlatform.Domain.Ims;

/// <summary>What an IMS access token asserts: who it was issued to, for which organization, and until when.</summary>
public sealed record ImsAccessToken(
    string TokenId,
    string ClientId,
    string ImsOrg,
    string TechnicalAccountId,
    string Scope,
    DateTimeOffset CreatedAt,
    TimeSpan ExpiresIn)
{
    public DateTimeOffset ExpiresAt => CreatedAt + ExpiresIn;

    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;
}
