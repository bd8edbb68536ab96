using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.SchemaRegistry.Descriptors;

/// <summary>Schema descriptors (<c>/tenant/descriptors</c>, help/xdm/api/descriptors.md): identity, friendly name,
/// relationship, reference identity and the other types, validated against the schemas they describe.</summary>
/// <remarks>Also what other services ask about a schema's descriptors: <see cref="ListForSchemaAsync"/>,
/// <see cref="IdentityFieldsAsync"/>, <see cref="HasPrimaryIdentityAsync"/> (profile enablement, XDM-1528).</remarks>
public sealed class DescriptorService(
    IXdmDescriptorStore store,
    ISchemaRegistryStore resources,
    SchemaRegistryService registry,
    IIdentityNamespaceCatalog namespaces,
    TimeProvider clock)
{
    /// <summary>help/xdm/api/descriptors.md: "The maximum number of descriptors that can be applied to an organization's sandbox is 4000."</summary>
    public const int MaxPerSandbox = 4000;

    /// <summary>Every descriptor of the sandbox, rendered, oldest first.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(CancellationToken ct) =>
        (await store.ListAsync(ct)).Select(Render).ToList();

    /// <summary>One descriptor by <c>@id</c>.</summary>
    public async Task<JsonObject> GetAsync(string id, CancellationToken ct) =>
        Render(await store.FindAsync(id, ct) ?? throw NotFound(id));

    public async Task<JsonObject> CreateAsync(TenantKey tenant, XdmAuthor author, JsonObject body, CancellationToken ct)
    {
        if (await store.CountAsync(ct) >= MaxPerSandbox)
        {
            throw new AepException(
                ErrorCatalog.SchemaRegistry.DescriptorLimitReached,
                $"This sandbox already holds {MaxPerSandbox} descriptors, the most AEP allows: delete descriptors that are no longer needed before creating more.");
        }

        var validated = await Validator().ValidateAsync(body, author.TenantId, ct);
        await EnsureSinglePrimaryAsync(validated, replacing: null, ct);
        var descriptor = XdmDescriptor.Create(tenant, validated, author, clock.GetUtcNow().ToUnixTimeMilliseconds());
        try
        {
            await store.AddAsync(descriptor, ct);
        }
        catch (XdmPrimaryIdentityTakenException)
        {
            await EnsureSinglePrimaryAsync(validated, replacing: null, ct);
            throw;
        }

        return Render(descriptor);
    }

    /// <summary>PUT: rewrites the whole descriptor; the same rules as a creation apply. Returns the <c>@id</c>.</summary>
    public async Task<string> ReplaceAsync(XdmAuthor author, string id, JsonObject body, CancellationToken ct)
    {
        var descriptor = await store.FindAsync(id, ct) ?? throw NotFound(id);
        var validated = await Validator().ValidateAsync(body, author.TenantId, ct);
        await EnsureSinglePrimaryAsync(validated, replacing: id, ct);
        descriptor.Replace(validated, author, clock.GetUtcNow().ToUnixTimeMilliseconds());
        try
        {
            await store.UpdateAsync(descriptor, ct);
        }
        catch (XdmPrimaryIdentityTakenException)
        {
            await EnsureSinglePrimaryAsync(validated, replacing: id, ct);
            throw;
        }

        return descriptor.Id;
    }

    public async Task DeleteAsync(string id, CancellationToken ct) =>
        await store.DeleteAsync(await store.FindAsync(id, ct) ?? throw NotFound(id), ct);

    /// <summary>The descriptors that apply to a schema (<c>xdm:sourceSchema</c>), rendered; none for an unknown schema.</summary>
    /// <param name="schemaId">The schema's <c>$id</c> or <c>meta:altId</c>.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<IReadOnlyList<JsonObject>> ListForSchemaAsync(string schemaId, CancellationToken ct) =>
        (await DescriptorsOfAsync(schemaId, ct)).Select(Render).ToList();

    /// <summary>The schema's identity fields, the primary one first.</summary>
    public async Task<IReadOnlyList<XdmIdentityField>> IdentityFieldsAsync(string schemaId, CancellationToken ct) =>
        (await DescriptorsOfAsync(schemaId, ct))
            .Where(d => d.Type == XdmDescriptorTypes.Identity)
            .Select(ToIdentityField)
            .OrderByDescending(f => f.IsPrimary)
            .ToList();

    /// <summary>Whether the schema has a primary identity descriptor (<c>xdm:isPrimary: true</c>), one of the two ways
    /// a schema may join a union (the other: the identityMap field group).</summary>
    public async Task<bool> HasPrimaryIdentityAsync(string schemaId, CancellationToken ct) =>
        (await DescriptorsOfAsync(schemaId, ct)).Any(d => d.PrimaryIdentityOf is not null);

    private async Task<IReadOnlyList<XdmDescriptor>> DescriptorsOfAsync(string schemaId, CancellationToken ct)
    {
        var resource = await resources.FindAsync(schemaId, ct);
        return await store.ListForSchemaAsync(resource?.Id ?? schemaId, ct);
    }

    private async Task EnsureSinglePrimaryAsync(XdmDescriptorBody candidate, string? replacing, CancellationToken ct)
    {
        if (!candidate.IsPrimaryIdentity)
        {
            return;
        }

        var existing = (await store.ListForSchemaAsync(candidate.SourceSchema, ct))
            .FirstOrDefault(d => d.PrimaryIdentityOf is not null && d.Id != replacing);
        if (existing is not null)
        {
            var path = Parse(existing)["xdm:sourceProperty"]?.ToString();
            throw new AepException(
                ErrorCatalog.SchemaRegistry.PrimaryIdentityExists,
                $"Schema {candidate.SourceSchema} already has a primary identity: descriptor {existing.Id} on {path}. A schema may have only one: "
                + "send \"xdm:isPrimary\": false, or change or delete that descriptor first.");
        }
    }

    private XdmDescriptorValidator Validator() => new(ComposedSchemaAsync, namespaces);

    /// <summary>A tenant schema of this sandbox, composed, by <c>$id</c> or <c>meta:altId</c>; null when there is none.</summary>
    private async Task<(string Id, JsonObject Composed)?> ComposedSchemaAsync(string idOrAltId, CancellationToken ct)
    {
        var resource = await resources.FindAsync(idOrAltId, ct);
        if (resource is null || resource.Type != XdmResourceType.Schema)
        {
            return null;
        }

        var composed = await registry.GetAsync(XdmContainer.Tenant, XdmResourceType.Schema, resource.Id, new XdmAccept(XdmAcceptVariant.Full, 1), ct);
        return (resource.Id, composed);
    }

    private static XdmIdentityField ToIdentityField(XdmDescriptor d)
    {
        var document = Parse(d);
        var ns = document["xdm:namespace"];
        var isId = document["xdm:property"]?.ToString() == "xdm:id" || ns?.GetValueKind() == JsonValueKind.Number;
        var text = ns is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : ns?.ToJsonString() ?? "";
        return new XdmIdentityField(d.Id, document["xdm:sourceProperty"]?.ToString() ?? "", text, isId, d.PrimaryIdentityOf is not null);
    }

    /// <summary>The descriptor as the registry returns it: the definition, then the registry's fields
    /// (help/xdm/api/descriptors.md lookup response).</summary>
    private static JsonObject Render(XdmDescriptor d)
    {
        var result = Parse(d);
        result["imsOrg"] = d.ImsOrg;
        result["meta:containerId"] = "tenant";
        result["meta:sandboxId"] = d.Sandbox;
        result["version"] = "1";
        result["createdUser"] = d.CreatedUser;
        result["createdClient"] = d.CreatedClient;
        result["updatedUser"] = d.UpdatedUser;
        result["created"] = d.Created;
        result["updated"] = d.Updated;
        result["@id"] = d.Id;
        return result;
    }

    private static JsonObject Parse(XdmDescriptor d) =>
        JsonNode.Parse(d.Document) as JsonObject ?? throw new InvalidOperationException($"Stored descriptor {d.Id} is not a JSON object.");

    private static AepException NotFound(string id) =>
        new(ErrorCatalog.SchemaRegistry.DescriptorNotFound, $"The requested descriptor resource {id} is not found: check its @id (GET /tenant/descriptors lists them).");
}
