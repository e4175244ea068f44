using Scalar.AspNetCore;

namespace Portal.Api.Documentation;

public static class ApiDocumentationExtensions
{
    /// <summary>The name of the one OpenAPI document, served at <c>/openapi/v1.json</c>.</summary>
    public const string DocumentName = "v1";

    /// <summary>
    /// The merchant API's OpenAPI document, generated from the endpoints themselves: only routes under
    /// <see cref="ApiExtensions.BasePath"/> (the admin's CSV downloads and rail callbacks are not for merchants' servers),
    /// then security, problem responses and examples added by transformers, so no endpoint repeats them.
    /// </summary>
    public static IHostApplicationBuilder AddMerchantApiDocumentation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath?.StartsWith(ApiExtensions.BasePath.TrimStart('/') + "/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddSchemaTransformer<ApiNumberSchemaTransformer>();
            options.AddSchemaTransformer<ApiRequestSchemaTransformer>();
            options.AddOperationTransformer<ApiParameterTransformer>();
            options.AddOperationTransformer<ApiQuerySchemaTransformer>();
            options.AddOperationTransformer<ApiTagsTransformer>();
            options.AddOperationTransformer<ApiSecurityTransformer>();
            options.AddOperationTransformer<ApiProblemResponsesTransformer>();
            options.AddOperationTransformer<ApiExamplesTransformer>();
        });
        return builder;
    }

    /// <summary>
    /// <c>/openapi/v1.json</c> and the interactive reference at <c>/scalar</c>, both public: they describe the API, and
    /// every call made from the reference still needs a key. Scalar's script is served from its package (no CDN);
    /// its web fonts, which it would fetch from a CDN, are turned off, as is its telemetry.
    /// </summary>
    public static IEndpointRouteBuilder MapMerchantApiDocumentation(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        endpoints.MapScalarApiReference("/scalar", options => options
                .WithTitle("Portal merchant API")
                .AddPreferredSecuritySchemes(ApiDocumentTransformer.SecuritySchemeName)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .HideDeveloperTools())
            .AllowAnonymous();
        return endpoints;
    }
}
