namespace ProfilePlatform.Domain.Ims;

/// <summary>Turns access tokens into signed strings and back.</summary>
public interface IAccessTokenCodec
{
    string Encode(ImsAccessToken token);

    /// <summary>The token's claims when its signature and shape are valid; null for a forged or malformed token.
    /// Expiry is not checked here.</summary>
    ImsAccessToken? Decode(string token);
}
