using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Gateway;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Api.Features.Health;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Domain.Ims;
using ProfilePlatform.Domain.Profile.Entities;
using ProfilePlatform.Domain.Profile.MergePolicies;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Profile.Ingestion;
using ProfilePlatform.Domain.Profile.Storage;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.SchemaRegistry;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;
using ProfilePlatform.Domain.SchemaRegistry.Library;
using ProfilePlatform.Domain.SchemaRegistry.Validation;
using ProfilePlatform.Domain.Streaming;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Ims;
using ProfilePlatform.Infrastructure.Ingestion;
using ProfilePlatform.Infrastructure.Persistence;
using ProfilePlatform.Infrastructure.Streaming;
using Serilog;

namespace ProfilePlatform.Api.Hosting;

/// <summary>Registers everything the platform runs on.</summary>
public static class PlatformServices
{
    public static WebApplicationBuilder AddProfilePlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        builder.Host.UseSerilog((ctx, sp, log) => log
            .ReadFrom.Configuration(ctx.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {RequestId} {Message:lj}{NewLine}{Exception}"));

        var gateway = config.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        var ims = config.GetSection(ImsOptions.Section).Get<ImsOptions>() ?? new ImsOptions();
        var sandboxOptions = config.GetSection("Sandboxes").Get<SandboxOptions>() ?? new SandboxOptions();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = gateway.MaxRequestBodyBytes);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(gateway);
        services.AddSingleton(ims);
        services.AddSingleton(sandboxOptions);

        // Store
        services.AddPlatformStore(config, builder.Environment.ContentRootPath);
        services.AddScoped<TenancyContext>();

        // IMS and gateway
        services.AddSingleton<IImsClientDirectory>(new ConfiguredImsClientDirectory(ims));
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<IAccessTokenCodec, JwtAccessTokenCodec>();
        services.AddSingleton(sp => new ImsTokenService(
            sp.GetRequiredService<IImsClientDirectory>(), sp.GetRequiredService<IAccessTokenCodec>(),
            sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(ims.TokenLifetimeSeconds)));
        services.AddSingleton<GatewayAuthorizer>();
        services.AddScoped<AepCaller>();

        // Sandboxes
        services.AddPlatformStores();
        services.AddScoped<SandboxService>();

        // Schema Registry
        services.AddSingleton<IXdmLibrary, XdmStandardLibrary>();
        services.AddScoped<SchemaRegistryService>();
        services.AddScoped<IXdmSchemaUsage, DatasetSchemaUsage>(); // datasets lock their schemas against breaking changes
        services.AddScoped<IIdentityNamespaceCatalog, TenantIdentityNamespaces>(); // standard + the sandbox's custom namespaces
        services.AddScoped<DescriptorService>();
        services.AddSingleton(new XdmValidatorCache()); // compiled record validators, shared by every request
        services.AddScoped<XdmSchemaValidators>();

        // Catalog
        services.AddScoped<ICatalogSchemaLookup, RegistrySchemaLookup>();
        services.AddScoped<IDatasetDataEraser, DatasetFileEraser>();
        services.AddScoped<IDatasetDataEraser, DatasetBatchEraser>();
        services.AddScoped<IDatasetDataEraser, DatasetRecordEraser>();
        services.AddScoped<IBatchDataEraser, BatchFileEraser>();
        services.AddScoped<IBatchDataEraser, BatchRecordEraser>();
        services.AddScoped<DatasetService>();
        services.AddScoped<BatchService>();
        services.AddScoped<DataSetFileService>();

        // Identity Service
        services.AddScoped<IdentityNamespaceService>();
        services.AddScoped<XidService>();

        // Real-Time Customer Profile
        services.AddScoped<IMergePolicyClasses, RegistryMergePolicyClasses>();
        services.AddSingleton<MergePolicyCache>(); // checked against the stored version on every lookup
        services.AddScoped<MergePolicyService>();

        // Batch ingestion
        services.AddSingleton(config.GetSection("Ingestion:Limits").Get<IngestionLimits>() ?? IngestionLimits.Default);
        services.AddScoped<IngestionSchemaSource>();
        services.AddScoped<BatchIngestionService>();
        services.AddScoped<BatchFileService>();
        services.AddScoped<BatchPreviewService>();
        services.AddScoped<Domain.DataAccess.DataAccessService>();
        services.AddSingleton(config.GetSection(IngestionWorkerOptions.Section).Get<IngestionWorkerOptions>() ?? new IngestionWorkerOptions());
        services.AddHostedService<IngestionWorker>();

        // Streaming ingestion (inlets through Flow Service or the inlet API; collection at /collection)
        services.AddSingleton(config.GetSection("Streaming:Limits").Get<StreamingLimits>() ?? new StreamingLimits());
        services.AddSingleton(config.GetSection(StreamingOptions.Section).Get<StreamingOptions>() ?? new StreamingOptions());
        services.AddSingleton<StreamingTargetCache>();
        services.AddSingleton<InletCache>();
        services.AddScoped<StreamingTargets>();
        services.AddScoped<StreamingCollector>();
        services.AddScoped<StreamingInletService>();
        services.AddScoped<Domain.FlowService.FlowConnectionService>();
        services.AddHostedService<StreamingFlusher>();

        // Identity graph and Profile store (ingestion and the entities API call these)
        services.AddScoped(sp => new IdentityGraphService(sp.GetRequiredService<IIdentityGraphStore>()));
        services.AddScoped<ProfileIngestion>();
        services.AddScoped<ProfileEntityService>();
        services.AddScoped<ProfileDataKindResolver>();
        services.AddScoped<IIngestedRecordSink, ProfileRecordSink>(); // batch records of Profile/Identity-enabled datasets, in the batch's transaction
        services.AddScoped<IBatchDataEraser, IdentityBatchEraser>(); // links a reverted batch established
        services.AddScoped<IBatchDataEraser, ProfileBatchEraser>(); // events a reverted batch appended
        services.AddScoped<Domain.Identity.Clusters.IdentityResolver>();
        services.AddScoped<Domain.Identity.Clusters.ClusterQueryService>();
        services.AddScoped<Domain.Identity.Clusters.GraphQueryService>();
        services.AddScoped<IDatasetDataEraser, ProfileDatasetEraser>(); // links, fragments and events of a deleted dataset

        // Profile system jobs (delete requests) and preview sample status
        services.AddScoped<ProfilePlatform.Domain.Profile.SystemJobs.ProfileSystemJobExecutor>();
        services.AddScoped<ProfilePlatform.Domain.Profile.SystemJobs.ProfileSystemJobService>();
        services.AddScoped<ProfilePlatform.Domain.Profile.Preview.PreviewSampleStatusService>();
        services.AddSingleton(config.GetSection(ProfilePlatform.Infrastructure.Profile.SystemJobs.ProfileSystemJobOptions.Section).Get<ProfilePlatform.Infrastructure.Profile.SystemJobs.ProfileSystemJobOptions>() ?? new ProfilePlatform.Infrastructure.Profile.SystemJobs.ProfileSystemJobOptions());
        services.AddHostedService<ProfilePlatform.Infrastructure.Profile.SystemJobs.ProfileSystemJobWorker>();

        // HTTP
        services.AddSingleton<AepErrorResponder>();
        services.AddExceptionHandler<AepExceptionHandler>();
        services.AddValidatorsFromAssemblyContaining<AepErrorResponder>(ServiceLifetime.Singleton); // stateless
        services.AddControllers(o =>
            {
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.Filters.Add<JsonBodyGuardFilter>();
            })
            .AddJsonOptions(o =>
            {
                o.JsonSerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
                o.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            })
            .ConfigureApiBehaviorOptions(o => o.InvalidModelStateResponseFactory = ctx => throw MalformedRequest(ctx));
        services.AddPlatformHealth();
        services.AddPlatformSwagger();
        return builder;
    }

    /// <summary>A request MVC could not bind: malformed JSON, a wrong JSON type, a broken form body, a bad query
    /// parameter, or no body at all. The message names the JSON path or parameter so the client can find it.</summary>
    private static AepException MalformedRequest(ActionContext ctx)
    {
        var problems = ctx.ModelState
            .Where(kv => kv.Value is { Errors.Count: > 0 })
            .SelectMany(kv => kv.Value!.Errors.Select(e => Describe(kv.Key, e.ErrorMessage)))
            .ToList();
        var detail = problems.Count == 0 ? "The request could not be read." : string.Join(" ", problems);
        return new AepException(ErrorCatalog.Common.BadRequest, detail, problems);
    }

    private static string Describe(string key, string message)
    {
        if (string.IsNullOrEmpty(key))
        {
            return message.Contains("non-empty request body", StringComparison.Ordinal)
                ? "The request body is required: send a JSON object."
                : $"The request body could not be read: {message}";
        }

        return key.StartsWith('$')
            ? $"Malformed JSON at '{key}': {message}"
            : $"Parameter '{key}': {message}";
    }
}
