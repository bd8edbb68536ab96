namespace ProfilePlatform.Api.Common.Http;

/// <summary>Limits on request bodies (configuration section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Largest JSON request body accepted, in bytes; larger ones get a 413. Upload endpoints set their own.</summary>
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>HTTP status for a missing Authorization header. The AEP docs pair the 403010 body with 401.</summary>
    public int MissingTokenStatus { get; set; } = 401;
}
