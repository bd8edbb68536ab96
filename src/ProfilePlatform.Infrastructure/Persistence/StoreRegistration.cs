using Microsoft.Extensions.DependencyInjection;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Infrastructure.Sandboxes;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Registers the domain's store interfaces with their EF Core implementations.</summary>
public static class StoreRegistration
{
    public static IServiceCollection AddPlatformStores(this IServiceCollection services)
    {
        services.AddScoped<ISandboxStore, EfSandboxStore>();
        return services;
    }
}
