using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Ims;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.Tenancy;
using Serilog.Context;

namespace ProfilePlatform.Api.Common.Gateway;

/// <summary>The AEP platform gateway in front of every <c>/data/...</c> route: checks token, API key and
/// organization (in that order, as AEP does), then resolves <c>x-sandbox-name</c> (default <c>prod</c>) and
/// fixes the request's tenancy. Reads marked <see cref="SandboxCheckedByEndpointAttribute"/> check the sandbox in their
/// own statement instead (docs/adr/0006-deferred-sandbox-check.md).</summary>
public sealed class GatewayMiddleware(RequestDelegate next, GatewayOptions options)
{
    public const string ApiKeyHeader = "x-api-key";
    public const string ImsOrgHeader = "x-gw-ims-org-id";
    public const string SandboxHeader = "x-sandbox-name";

    public static bool Guards(PathString path) => path.StartsWithSegments("/data", StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext http, GatewayAuthorizer authorizer, IImsClientDirectory clients, TenancyContext tenancy, AepCaller caller)
    {
        if (!Guards(http.Request.Path))
        {
            await next(http);
            return;
        }

        var h = http.Request.Headers;
        ImsAccessToken token;
        try
        {
            token = authorizer.Authorize(h.Authorization.ToString(), h[ApiKeyHeader].ToString(), h[ImsOrgHeader].ToString());
        }
        catch (AepException ex) when (ex.Error == ErrorCatalog.Gateway.TokenMissing && options.MissingTokenStatus != ex.Error.Status)
        {
            throw new AepException(ex.Error with { Status = options.MissingTokenStatus }, ex.Message);
        }

        tenancy.SetOrganization(token.ImsOrg);
        caller.Set(token.ClientId, token.ImsOrg, token.TechnicalAccountId, clients.FindTenantId(token.ImsOrg) ?? "");

        var requested = h[SandboxHeader].ToString().Trim();
        var sandboxName = requested.Length == 0 ? SandboxName.Default : requested;
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<OrganizationScopedAttribute>() is null)
        {
            if (endpoint?.Metadata.GetMetadata<SandboxCheckedByEndpointAttribute>() is not null
                && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)))
            {
                await DeferSandboxCheckAsync(http, tenancy, token.ImsOrg, sandboxName);
                return;
            }

            tenancy.SetSandbox((await ResolveSandboxAsync(http, token.ImsOrg, sandboxName, http.RequestAborted)).Name);
        }

        await NextAsync(http, token.ImsOrg, tenancy.Sandbox);
    }

    /// <summary>The endpoint checks the sandbox in its own statement (<see cref="SandboxCheckedByEndpointAttribute"/>).
    /// Until it has, every way out runs the gateway's check first: an exception (so a missing sandbox answers this
    /// gateway's error, not the endpoint's), a write (<see cref="TenancyContext.VerifySandboxAsync"/> in the store), and
    /// a success answer about to start.</summary>
    private async Task DeferSandboxCheckAsync(HttpContext http, TenancyContext tenancy, string imsOrg, string sandboxName)
    {
        tenancy.DeferSandboxCheck(sandboxName, ct => ResolveSandboxAsync(http, imsOrg, sandboxName, ct));
        http.Response.OnStarting(() => http.Response.StatusCode < 400 && !tenancy.SandboxVerified ? VerifyBeforeAnswerAsync(http, tenancy) : Task.CompletedTask);
        try
        {
            await NextAsync(http, imsOrg, sandboxName);
        }
        catch (Exception) when (!tenancy.SandboxVerified)
        {
            await tenancy.VerifySandboxAsync(http.RequestAborted);
            throw;
        }
    }

    /// <summary>The backstop of an endpoint that answers without having checked the sandbox (a defect): the gateway's
    /// check runs now, and when the sandbox is not live the connection is dropped rather than a body sent.</summary>
    private static async Task VerifyBeforeAnswerAsync(HttpContext http, TenancyContext tenancy)
    {
        try
        {
            await tenancy.VerifySandboxAsync(http.RequestAborted);
        }
        catch
        {
            http.Abort();
            throw;
        }
    }

    private static async Task<Sandbox> ResolveSandboxAsync(HttpContext http, string imsOrg, string sandboxName, CancellationToken ct)
    {
        // Resolved here, not injected: organization-scoped routes never pay for a store context.
        var sandboxes = http.RequestServices.GetRequiredService<SandboxService>();
        return await sandboxes.ResolveActiveAsync(imsOrg, sandboxName, ct)
            ?? throw new AepException(
                ErrorCatalog.Gateway.SandboxNotFound,
                $"Sandbox '{sandboxName}' named in the x-sandbox-name header does not exist or is not active in organization {imsOrg}: list the sandboxes with GET /data/foundation/sandbox-management/sandboxes.");
    }

    private async Task NextAsync(HttpContext http, string imsOrg, string? sandbox)
    {
        using (LogContext.PushProperty("ImsOrg", imsOrg))
        using (LogContext.PushProperty("Sandbox", sandbox ?? "-"))
        {
            await next(http);
        }
    }
}
