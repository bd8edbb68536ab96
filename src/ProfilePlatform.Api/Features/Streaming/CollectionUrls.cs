namespace ProfilePlatform.Api.Features.Streaming;

/// <summary>Where producers send streaming data: <c>Streaming:CollectionBaseUrl</c> when configured (a proxy or another host
/// name in front of the platform), else this request's own scheme and host — the platform serves <c>/collection</c> at the
/// root of the same host, so clients swap <c>dcs.adobedc.net</c> for it.</summary>
internal static class CollectionUrls
{
    public static string Base(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["Streaming:CollectionBaseUrl"];
        return string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}" : configured.TrimEnd('/');
    }
}
