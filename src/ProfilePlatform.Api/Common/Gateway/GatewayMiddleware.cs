using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Ims;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.Tenancy;
using Serilog.Context;

namespace ProfilePlatform.Api.Common.Gateway;

/// <summary>The AEP platform gateway in front of every <c>/data/...</c> route: checks token, API key and
/// organization (in that order, as AEP does), then resolves <c>x-sandbox-name</c> (default <c>prod</c>) and
/// fixes the request's tenancy.</summary>
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
        if (http.GetEndpoint()?.Metadata.GetMetadata<OrganizationScopedAttribute>() is null)
        {
            // Resolved here, not injected: organization-scoped routes never pay for a store context.
            var sandboxes = http.RequestServices.GetRequiredService<SandboxService>();
            var sandbox = await sandboxes.ResolveActiveAsync(token.ImsOrg, sandboxName, http.RequestAborted)
                ?? throw new AepException(
                    ErrorCatalog.Gateway.SandboxNotFound,
                    $"Sandbox '{sandboxName}' named in the x-sandbox-name header does not exist or is not active in organization {token.ImsOrg}: list the sandboxes with GET /data/foundation/sandbox-management/sandboxes.");
            tenancy.SetSandbox(sandbox.Name);
        }

        using (LogContext.PushProperty("ImsOrg", token.ImsOrg))
        using (LogContext.PushProperty("Sandbox", tenancy.Sandbox ?? "-"))
        {
            await next(http);
        }
    }
}
