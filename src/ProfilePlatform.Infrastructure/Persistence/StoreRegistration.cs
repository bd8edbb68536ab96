using Microsoft.Extensions.DependencyInjection;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Profile.Entities;
using ProfilePlatform.Domain.Profile.MergePolicies;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Profile.Storage;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.SchemaRegistry;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;
using ProfilePlatform.Infrastructure.Catalog;
using ProfilePlatform.Infrastructure.Identity;
using ProfilePlatform.Infrastructure.Profile;
using ProfilePlatform.Infrastructure.Ingestion;
using ProfilePlatform.Infrastructure.Sandboxes;
using ProfilePlatform.Infrastructure.SchemaRegistry;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Registers the domain's store interfaces with their EF Core implementations.</summary>
public static class StoreRegistration
{
    public static IServiceCollection AddPlatformStores(this IServiceCollection services)
    {
        services.AddScoped<ISandboxStore, EfSandboxStore>();
        services.AddScoped<ISchemaRegistryStore, EfSchemaRegistryStore>();
        services.AddScoped<IXdmDescriptorStore, EfXdmDescriptorStore>();
        services.AddScoped<IXdmSchemaDescriptors, StoredSchemaDescriptors>();
        services.AddScoped<IDatasetStore, EfDatasetStore>();
        services.AddScoped<IBatchStore, EfBatchStore>();
        services.AddScoped<IDataSetFileStore, EfDataSetFileStore>();
        services.AddScoped<IIdentityNamespaceStore, EfIdentityNamespaceStore>();
        services.AddScoped<IMergePolicyStore, EfMergePolicyStore>();
        services.AddScoped<IBatchFileStore, EfBatchFileStore>();
        services.AddScoped<IDatasetRecordStore, EfDatasetRecordStore>();
        services.AddScoped<IIngestionJobQueue, IngestionJobQueue>();
        services.AddSingleton<IngestionSignal>();
        services.AddScoped<BatchProcessor>();
        services.AddScoped<Domain.Streaming.IStreamingInletStore, Streaming.EfStreamingInletStore>();
        services.AddSingleton<Streaming.StreamingTargetSignals>();
        services.AddSingleton<Domain.Streaming.IStreamingMessageLog, Streaming.GroupCommitMessageLog>();
        services.AddScoped<IIdentityGraphStore, EfIdentityGraphStore>();
        services.AddScoped<IProfileFragmentStore, EfProfileFragmentStore>();
        services.AddScoped<IExperienceEventStore, EfExperienceEventStore>();
        services.AddScoped<IEntityIdentityResolver, EfEntityIdentityResolver>();
        services.AddScoped<Domain.Profile.SystemJobs.IProfileSystemJobStore, Profile.SystemJobs.EfProfileSystemJobStore>();
        services.AddSingleton<Profile.SystemJobs.ProfileSystemJobSignal>();
        services.AddScoped<Domain.Profile.Preview.IProfileSampleSource, EfProfileSampleSource>();
        services.AddSingleton<Domain.Profile.SystemJobs.IProfileSystemJobWakeup>(sp => sp.GetRequiredService<Profile.SystemJobs.ProfileSystemJobSignal>());
        services.AddScoped<IProfileLookupReader, SqlProfileLookupReader>();
        services.AddScoped<IProfileEntityEraser, EfProfileEntityEraser>();
        return services;
    }
}
