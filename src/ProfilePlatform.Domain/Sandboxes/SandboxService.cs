using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Sandboxes;

/// <summary>The Sandbox Management service: lists, creates, retitles, resets and deletes an organization's sandboxes.</summary>
/// <remarks>Every call acts on the organization of the current tenancy; the store enforces it.</remarks>
public sealed class SandboxService(ISandboxStore store, SandboxOptions options, TimeProvider clock)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    /// <summary>The live sandbox a request names in <c>x-sandbox-name</c>; <c>prod</c> is created on first use.</summary>
    public async Task<Sandbox?> ResolveActiveAsync(string imsOrg, string name, CancellationToken ct)
    {
        var sandbox = await FindCreatingDefaultAsync(imsOrg, name, ct);
        return sandbox is { State: SandboxState.Active } ? sandbox : null;
    }

    public async Task<SandboxPage> ListAsync(string imsOrg, bool liveOnly, int? offset, int? limit, CancellationToken ct)
    {
        var from = offset ?? 0;
        var take = limit ?? DefaultLimit;
        if (from < 0)
        {
            throw new AepException(ErrorCatalog.Sandboxes.InvalidRequest, $"Query parameter 'offset' is {from}: use 0 or more.");
        }

        if (take is < 1 or > MaxLimit)
        {
            throw new AepException(ErrorCatalog.Sandboxes.InvalidRequest, $"Query parameter 'limit' is {take}: use 1 to {MaxLimit}.");
        }

        await EnsureDefaultAsync(imsOrg, ct);
        var page = await store.ListAsync(liveOnly, from, take, ct);
        var total = await store.CountAsync(liveOnly, ct);
        return new SandboxPage(page, from, take, total);
    }

    public async Task<Sandbox> GetAsync(string imsOrg, string name, CancellationToken ct) =>
        await FindCreatingDefaultAsync(imsOrg, name, ct) ?? throw NotFound(name);

    public async Task<Sandbox> CreateAsync(string imsOrg, string? name, string? title, string? type, string by, CancellationToken ct)
    {
        var sandbox = Sandbox.Create(imsOrg, name!, title, type, options.Region, by, clock.GetUtcNow());
        await EnsureDefaultAsync(imsOrg, ct);
        if (await store.FindAsync(sandbox.Name, ct) is { IsLive: true })
        {
            throw AlreadyExists(sandbox.Name);
        }

        if (await store.CountAsync(liveOnly: true, ct) >= options.MaxPerOrganization)
        {
            throw new AepException(
                ErrorCatalog.Sandboxes.LimitReached,
                $"The organization already has {options.MaxPerOrganization} sandboxes, its limit: delete one first or raise Sandboxes:MaxPerOrganization.");
        }

        try
        {
            await store.AddAsync(sandbox, ct);
        }
        catch (SandboxNameTakenException)
        {
            throw AlreadyExists(sandbox.Name);
        }

        return sandbox;
    }

    public async Task<Sandbox> RetitleAsync(string imsOrg, string name, string? title, string by, CancellationToken ct)
    {
        var sandbox = await GetAsync(imsOrg, name, ct);
        sandbox.Retitle(title, by, clock.GetUtcNow());
        await store.SaveAsync(sandbox, eraseData: false, ct);
        return sandbox;
    }

    /// <summary>Resets a sandbox: every schema, dataset, profile and other row of it is deleted.</summary>
    public async Task<Sandbox> ResetAsync(string imsOrg, string name, string? action, string by, CancellationToken ct)
    {
        if (action != "reset")
        {
            throw new AepException(ErrorCatalog.Sandboxes.InvalidAction, $"Field 'action' value '{action}' is not supported: send {{\"action\":\"reset\"}}.");
        }

        var sandbox = await GetAsync(imsOrg, name, ct);
        sandbox.Reset(by, clock.GetUtcNow());
        await store.SaveAsync(sandbox, eraseData: true, ct);
        return sandbox;
    }

    /// <summary>Deletes a sandbox and all its data; the record stays readable with state <c>deleted</c>.</summary>
    public async Task<Sandbox> DeleteAsync(string imsOrg, string name, string by, CancellationToken ct)
    {
        var sandbox = await GetAsync(imsOrg, name, ct);
        sandbox.Delete(by, clock.GetUtcNow());
        await store.SaveAsync(sandbox, eraseData: true, ct);
        return sandbox;
    }

    /// <summary>One lookup on the hot path (every gateway request); the default sandbox is created only when missing.</summary>
    private async Task<Sandbox?> FindCreatingDefaultAsync(string imsOrg, string name, CancellationToken ct)
    {
        var sandbox = await store.FindAsync(name, ct);
        if (sandbox is null && name == SandboxName.Default)
        {
            await EnsureDefaultAsync(imsOrg, ct);
            sandbox = await store.FindAsync(name, ct);
        }

        return sandbox;
    }

    private async Task EnsureDefaultAsync(string imsOrg, CancellationToken ct)
    {
        if (await store.FindAsync(SandboxName.Default, ct) is not null)
        {
            return;
        }

        try
        {
            await store.AddAsync(Sandbox.CreateDefault(imsOrg, options.Region, clock.GetUtcNow()), ct);
        }
        catch (SandboxNameTakenException)
        {
            // Another node created it first: the organization has its default sandbox, which is all we need.
        }
    }

    private static AepException NotFound(string name) =>
        new(ErrorCatalog.Sandboxes.NotFound, $"Sandbox '{name}' was not found in this organization: list the sandboxes with GET /sandboxes.");

    private static AepException AlreadyExists(string name) =>
        new(ErrorCatalog.Sandboxes.AlreadyExists, $"A sandbox named '{name}' already exists in this organization: choose another name.");
}
