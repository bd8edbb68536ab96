namespace ProfilePlatform.Domain.Ims;

/// <summary>A token as the IMS endpoints hand it out.</summary>
/// <param name="AccessToken">The signed access token.</param>
/// <param name="ExpiresIn">Lifetime, in the unit the endpoint uses (seconds on v2/v3, milliseconds on JWT exchange).</param>
public sealed record IssuedToken(string AccessToken, long ExpiresIn)
{
    /// <summary>IMS always answers <c>bearer</c>.</summary>
    public const string TokenType = "bearer";
}
