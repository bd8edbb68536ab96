using System.Security.Cryptography;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Streaming;

/// <summary>An HTTP API streaming inlet: the endpoint <c>/collection/{inletId}</c> a producer posts messages to, owned by one
/// organization and sandbox. Created through Flow Service (an HTTP API connection) or the older inlet API
/// (<c>/data/core/edge/inlet</c>); both show the same inlet.</summary>
/// <remarks>The inlet id is 64 hex characters, not the Flow Service connection's UUID (help/sources/tutorials/api/create/streaming/http.md:
/// the <c>inletUrl</c> ends with it), and unique across all tenants: collection requests carry nothing else to find the tenant by.</remarks>
public sealed class StreamingInlet : ITenantOwned
{
    public const int MaxTextLength = 1024;

    private StreamingInlet()
    {
    }

    public string ImsOrg { get; private set; } = "";

    public string Sandbox { get; private set; } = "";

    /// <summary>64 lower-case hex characters.</summary>
    public string InletId { get; private set; } = "";

    /// <summary>The Flow Service base connection's UUID, or null for an inlet made with the older inlet API.</summary>
    public string? ConnectionId { get; private set; }

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    /// <summary>The producer's name for the source; messages without <c>header.source.name</c> get it.</summary>
    public string SourceId { get; private set; } = "";

    /// <summary><c>xdm</c> or <c>raw</c>.</summary>
    public string DataType { get; private set; } = "xdm";

    /// <summary>Whether collection demands <c>Authorization: Bearer</c> with a token of the inlet's organization.</summary>
    public bool AuthenticationRequired { get; private set; }

    /// <summary>Flow Service's <c>providerId</c> of the connection, when it was given.</summary>
    public string? ProviderId { get; private set; }

    /// <summary>Flow Service's etag: a quoted UUID-like value that changes with every write.</summary>
    public string Etag { get; private set; } = "";

    public long Created { get; private set; }

    public long Updated { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public string UpdatedBy { get; private set; } = "";

    public string CreatedClient { get; private set; } = "";

    public static StreamingInlet Create(TenantKey tenant, StreamingInletDraft draft, string? connectionId, string clientId, string userId, DateTimeOffset now)
    {
        var ms = now.ToUnixTimeMilliseconds();
        return new StreamingInlet
        {
            ImsOrg = tenant.ImsOrg,
            Sandbox = tenant.Sandbox,
            InletId = NewInletId(),
            ConnectionId = connectionId,
            Name = draft.Name,
            Description = draft.Description,
            SourceId = draft.SourceId,
            DataType = draft.DataType,
            AuthenticationRequired = draft.AuthenticationRequired,
            ProviderId = draft.ProviderId,
            Etag = NewEtag(),
            Created = ms,
            Updated = ms,
            CreatedBy = userId,
            UpdatedBy = userId,
            CreatedClient = clientId,
        };
    }

    /// <summary>The URL producers post to: <c>{collection base}/collection/{inletId}</c>.</summary>
    public string InletUrl(string collectionBase) => $"{collectionBase.TrimEnd('/')}/collection/{InletId}";

    /// <summary>Whether <paramref name="value"/> has the form of an inlet id (64 hex characters).</summary>
    public static bool IsInletId(string? value) =>
        value is { Length: 64 } && value.All(char.IsAsciiHexDigit);

    private static string NewInletId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private static string NewEtag()
    {
        var g = Guid.NewGuid().ToString("N");
        return $"\"{g[..8]}-0000-0200-0000-{g[8..20]}\"";
    }
}

/// <summary>What a producer asks for when it creates an inlet (both APIs).</summary>
public sealed record StreamingInletDraft(string Name, string? Description, string SourceId, string DataType, bool AuthenticationRequired, string? ProviderId);
