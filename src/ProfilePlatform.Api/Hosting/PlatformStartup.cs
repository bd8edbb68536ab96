using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ProfilePlatform.Domain.Ims;
using ProfilePlatform.Infrastructure.Ims;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Api.Hosting;

/// <summary>Start-up work: migrate the store, load the signing key, and tell the user how to get a token.</summary>
public static class PlatformStartup
{
    /// <summary>The documented development client (README, appsettings.json).</summary>
    public const string DevClientId = "profileplatform-dev";

    public static async Task PrepareAsync(this WebApplication app, CancellationToken ct = default)
    {
        var store = app.Services.GetRequiredService<StoreDescription>();
        app.Logger.LogInformation("Store: {Provider}; applying migrations", store.Provider);
        await StoreMigrator.MigrateAsync(app.Services, ct);
        var keys = app.Services.GetRequiredService<SigningKeyProvider>();
        await keys.LoadAsync(ct);
        app.Logger.LogInformation("IMS token signing key loaded from {Source}", keys.Source);
        app.Lifetime.ApplicationStarted.Register(() => LogQuickstart(app));
    }

    private static void LogQuickstart(WebApplication app)
    {
        var address = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        var clients = app.Services.GetRequiredService<IImsClientDirectory>().Clients;
        foreach (var c in clients)
        {
            // Only the documented development client's secret is printed; other secrets never reach a log.
            var secret = c.ClientId == DevClientId ? c.ClientSecret : "<its client secret>";
            app.Logger.LogInformation(
                "Get a token for {ClientId} ({ImsOrg}, tenant {TenantId}): curl -s -X POST {Address}/ims/token/v3 -d grant_type=client_credentials -d client_id={ClientId2} -d client_secret={Secret} -d scope=openid,AdobeID,read_organizations",
                c.ClientId, c.ImsOrg, c.TenantId, address, c.ClientId, secret);
        }

        if (clients.Count == 0)
        {
            app.Logger.LogWarning("No IMS clients are configured (Ims:Clients): nobody can get a token.");
        }
    }
}
