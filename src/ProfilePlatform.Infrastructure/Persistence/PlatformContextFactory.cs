using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Makes store contexts outside the request's own: a second connection for work that runs beside the request's
/// (streaming an uploaded file while records are written), or a context acting for a tenancy a background worker sets.</summary>
/// <remarks>The caller disposes the context, which returns it to the pool.</remarks>
public interface IPlatformContextFactory
{
    /// <summary>A context of its own (own connection), scoped to <paramref name="tenancy"/>.</summary>
    PlatformDbContext Create(TenancyContext tenancy);
}

internal sealed class PlatformContextFactory<TContext>(IDbContextFactory<TContext> factory) : IPlatformContextFactory
    where TContext : PlatformDbContext
{
    public PlatformDbContext Create(TenancyContext tenancy)
    {
        var context = factory.CreateDbContext();
        context.Tenancy = tenancy;
        return context;
    }
}
