namespace ProfilePlatform.Domain.FlowService;

/// <summary>Connection specs this platform's Flow Service knows.</summary>
public static class ConnectionSpecs
{
    /// <summary>The HTTP API streaming source (help/sources/tutorials/api/create/streaming/http.md); its base connection is a
    /// streaming inlet.</summary>
    public const string HttpApi = "bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb";

    /// <summary>The provider id the docs send with it.</summary>
    public const string HttpApiProvider = "521eee4d-8cbe-4906-bb48-fb6bd4450033";

    public const string HttpApiAuthSpec = "Streaming Connection";
}
