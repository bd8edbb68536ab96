using Microsoft.OpenApi;
using ProfilePlatform.Api.Common.Gateway;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ProfilePlatform.Api.Hosting;

/// <summary>The platform's own OpenAPI document at <c>/swagger/v1/swagger.json</c> and Swagger UI at <c>/swagger</c>.</summary>
public static class SwaggerSetup
{
    public const string BearerScheme = "bearer";
    public const string ApiKeyScheme = "x-api-key";

    public static IServiceCollection AddPlatformSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "ProfilePlatform",
                Version = "v1",
                Description = "AEP-compatible customer profile platform. Get a token from POST /ims/token/v3, then call /data/... "
                    + "with Authorization: Bearer, x-api-key (the client id) and x-gw-ims-org-id; x-sandbox-name defaults to prod.",
            });
            o.DocInclusionPredicate((_, _) => true);
            o.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "IMS access token from POST /ims/token/v3.",
            });
            o.AddSecurityDefinition(ApiKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = GatewayMiddleware.ApiKeyHeader,
                Description = "The client id the token was issued to.",
            });
            o.OperationFilter<AepHeadersOperationFilter>();
        });
        return services;
    }

    public static WebApplication UsePlatformSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o => o.SwaggerEndpoint("/swagger/v1/swagger.json", "ProfilePlatform v1"));
        return app;
    }

    /// <summary>Adds the gateway's security requirement and AEP headers to every <c>/data/...</c> operation.</summary>
    private sealed class AepHeadersOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var path = "/" + (context.ApiDescription.RelativePath ?? "");
            if (!GatewayMiddleware.Guards(new PathString(path.Split('?')[0])))
            {
                return;
            }

            operation.Security =
            [
                new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [],
                    [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [],
                },
            ];
            operation.Parameters ??= [];
            operation.Parameters.Add(Header(GatewayMiddleware.ImsOrgHeader, required: true, "IMS organization id, e.g. XXXX@AdobeOrg; must be the token's organization."));
            if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<OrganizationScopedAttribute>().Any() is false)
            {
                operation.Parameters.Add(Header(GatewayMiddleware.SandboxHeader, required: false, "Sandbox name; defaults to prod."));
            }
        }

        private static OpenApiParameter Header(string name, bool required, string description) => new()
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = required,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };
    }
}
