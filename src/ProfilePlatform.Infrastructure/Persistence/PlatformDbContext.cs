using System.Reflection;
using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>The platform's store: one model, mapped to PostgreSQL or SQLite by a provider subclass.</summary>
/// <remarks>Tenancy is enforced here, below every store: each <see cref="ITenantOwned"/> entity gets a query
/// filter on the current (org, sandbox) and each <see cref="IOrgOwned"/> entity one on the current org, and
/// saving a row of another tenant throws. The filter reads the context's properties, not captured locals,
/// because EF caches the model across context instances. Contexts are pooled: the tenancy is handed to a
/// context each time it is rented (<see cref="PersistenceRegistration"/>), never kept from a previous use.</remarks>
public abstract class PlatformDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The unit of work this context serves; without one, tenant queries match nothing.</summary>
    public TenancyContext? Tenancy { get; set; }

    /// <summary>The organization queries are scoped to; null matches nothing.</summary>
    public string? CurrentImsOrg => Tenancy?.ImsOrg;

    /// <summary>The sandbox queries are scoped to; null matches nothing.</summary>
    public string? CurrentSandbox => Tenancy?.Sandbox;

    public DbSet<Domain.Sandboxes.Sandbox> Sandboxes => Set<Domain.Sandboxes.Sandbox>();

    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();

    public DbSet<Domain.SchemaRegistry.XdmResource> XdmResources => Set<Domain.SchemaRegistry.XdmResource>();

    public DbSet<Domain.SchemaRegistry.XdmAuditEntry> XdmAuditEntries => Set<Domain.SchemaRegistry.XdmAuditEntry>();

    public DbSet<Domain.SchemaRegistry.Descriptors.XdmDescriptor> XdmDescriptors => Set<Domain.SchemaRegistry.Descriptors.XdmDescriptor>();

    public DbSet<Domain.Catalog.Dataset> Datasets => Set<Domain.Catalog.Dataset>();

    public DbSet<Domain.Catalog.Batch> Batches => Set<Domain.Catalog.Batch>();

    public DbSet<Domain.Catalog.DataSetFile> DataSetFiles => Set<Domain.Catalog.DataSetFile>();

    public DbSet<Domain.Identity.CustomIdentityNamespace> IdentityNamespaces => Set<Domain.Identity.CustomIdentityNamespace>();

    public DbSet<Domain.Ingestion.BatchFile> BatchFiles => Set<Domain.Ingestion.BatchFile>();

    internal DbSet<Ingestion.FileChunkRecord> FileChunks => Set<Ingestion.FileChunkRecord>();

    public DbSet<Ingestion.IngestionJobRecord> IngestionJobs => Set<Ingestion.IngestionJobRecord>();

    internal DbSet<Ingestion.DatasetRecordChunkRow> DatasetRecordChunks => Set<Ingestion.DatasetRecordChunkRow>();

    internal DbSet<Ingestion.RowErrorRecord> RowErrors => Set<Ingestion.RowErrorRecord>();

    public DbSet<Domain.Streaming.StreamingInlet> StreamingInlets => Set<Domain.Streaming.StreamingInlet>();

    internal DbSet<Streaming.StreamingMessageRow> StreamingMessages => Set<Streaming.StreamingMessageRow>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Tenancy is { SandboxVerified: false })
        {
            throw new InvalidOperationException("A write before the request's sandbox was verified: save asynchronously (SaveChangesAsync verifies it first).");
        }

        EnsureChangesStayInTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>Saves after the request's sandbox is verified: a read endpoint that deferred the gateway's sandbox check
    /// (<see cref="TenancyContext.DeferSandboxCheck"/>) never writes into a sandbox that is not live.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Tenancy is { SandboxVerified: false } tenancy)
        {
            await tenancy.VerifySandboxAsync(cancellationToken);
        }

        EnsureChangesStayInTenant();
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
        ApplyTenancyFilters(modelBuilder);
    }

    private void ApplyTenancyFilters(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().ToList())
        {
            var clr = entityType.ClrType;
            var method = typeof(ITenantOwned).IsAssignableFrom(clr) ? nameof(FilterTenantOwned)
                : typeof(IOrgOwned).IsAssignableFrom(clr) ? nameof(FilterOrgOwned)
                : null;
            if (method is not null)
            {
                typeof(PlatformDbContext).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Instance)!
                    .MakeGenericMethod(clr)
                    .Invoke(this, [modelBuilder]);
            }
        }
    }

    private void FilterTenantOwned<T>(ModelBuilder modelBuilder)
        where T : class, ITenantOwned =>
        modelBuilder.Entity<T>().HasQueryFilter(e => e.ImsOrg == CurrentImsOrg && e.Sandbox == CurrentSandbox);

    private void FilterOrgOwned<T>(ModelBuilder modelBuilder)
        where T : class, IOrgOwned =>
        modelBuilder.Entity<T>().HasQueryFilter(e => e.ImsOrg == CurrentImsOrg);

    private void EnsureChangesStayInTenant()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var crosses = entry.Entity switch
            {
                ITenantOwned t => t.ImsOrg != CurrentImsOrg || t.Sandbox != CurrentSandbox,
                IOrgOwned o => o.ImsOrg != CurrentImsOrg,
                _ => false,
            };
            if (crosses)
            {
                throw new InvalidOperationException(
                    $"A {entry.Metadata.ClrType.Name} of another organization or sandbox was about to be written; tenancy is {CurrentImsOrg}/{CurrentSandbox}.");
            }
        }
    }
}
