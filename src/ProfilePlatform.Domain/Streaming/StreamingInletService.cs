using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Streaming;

/// <summary>The older inlet API (<c>/data/core/edge/inlet</c>): create, list, look up and delete inlets of the sandbox, as
/// help/ingestion/tutorials/streaming-record-data.md (older versions) shows them.</summary>
public sealed class StreamingInletService(IStreamingInletStore inlets, TimeProvider clock)
{
    /// <summary>Creates an inlet from <c>{name, description, sourceId, dataType, authenticationRequired}</c>.</summary>
    public async Task<StreamingInlet> CreateAsync(TenantKey tenant, JsonObject body, string clientId, string userId, string? connectionId, CancellationToken ct)
    {
        var draft = ReadDraft(body, "", ErrorCatalog.Common.BadRequest);
        var inlet = StreamingInlet.Create(tenant, draft, connectionId, clientId, userId, clock.GetUtcNow());
        await inlets.AddAsync(inlet, ct);
        return inlet;
    }

    public Task<IReadOnlyList<StreamingInlet>> ListAsync(CancellationToken ct) => inlets.ListAsync(ct);

    /// <summary>An inlet of this sandbox, or a 404.</summary>
    public async Task<StreamingInlet> FindAsync(string inletId, CancellationToken ct) =>
        (StreamingInlet.IsInletId(inletId) ? await inlets.FindAsync(inletId.ToLowerInvariant(), ct) : null)
        ?? throw new AepException(ErrorCatalog.Common.NotFound, $"No inlet with id '{Short(inletId)}' exists in this sandbox: list them with GET /data/core/edge/inlet, or check the x-sandbox-name header.");

    public async Task DeleteAsync(string inletId, CancellationToken ct) => await inlets.RemoveAsync(await FindAsync(inletId, ct), ct);

    /// <summary>Reads an inlet's fields from <paramref name="body"/> (the inlet API's body, or Flow Service's <c>auth.params</c>
    /// with the connection's name as fallback); <paramref name="path"/> prefixes field names in error messages.</summary>
    public static StreamingInletDraft ReadDraft(JsonObject body, string path, AepError error, string? fallbackName = null, string? description = null, string? providerId = null)
    {
        var name = Text(body, "name", path, error) ?? fallbackName;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new AepException(error, $"Field '{path}name' is required: give the inlet a name (a string of at most {StreamingInlet.MaxTextLength} characters).");
        }

        var sourceId = Text(body, "sourceId", path, error) ?? name;
        var dataType = Text(body, "dataType", path, error) ?? "xdm";
        if (dataType is not ("xdm" or "raw"))
        {
            throw new AepException(error, $"Field '{path}dataType' is '{Short(dataType)}': use \"xdm\" (messages in the XDM envelope) or \"raw\" (any JSON, mapped by a dataflow).");
        }

        var authentication = false;
        if (body["authenticationRequired"] is { } auth)
        {
            if (auth.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
            {
                throw new AepException(error, $"Field '{path}authenticationRequired' must be true or false.");
            }

            authentication = auth.GetValue<bool>();
        }

        return new StreamingInletDraft(name, description ?? Text(body, "description", path, error), sourceId, dataType, authentication, providerId);
    }

    /// <summary>An optional string field of at most <see cref="StreamingInlet.MaxTextLength"/> characters.</summary>
    public static string? Text(JsonObject body, string field, string path, AepError error)
    {
        if (body[field] is not { } node)
        {
            return null;
        }

        if (node.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            throw new AepException(error, $"Field '{path}{field}' must be a string.");
        }

        var value = node.GetValue<string>();
        if (value.Length > StreamingInlet.MaxTextLength || value.Any(char.IsControl))
        {
            throw new AepException(error, $"Field '{path}{field}' must be at most {StreamingInlet.MaxTextLength} characters without control characters.");
        }

        return value;
    }

    internal static string Short(string value) => value.Length <= 80 ? value : value[..80] + "...";
}
