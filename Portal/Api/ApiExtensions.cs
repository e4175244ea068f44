using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Api.Checkouts;
using Portal.Api.Keys;
using Portal.Api.Payments;
using Portal.Api.Refunds;
using Portal.Api.Resources;
using Portal.Bus;
using Portal.Domain.ApiKeys;

namespace Portal.Api;

public static class ApiExtensions
{
    /// <summary>The rate-limiting policy every API route carries: one token bucket per key.</summary>
    public const string RateLimitPolicy = "api";

    public const string BasePath = "/api/v1";

    /// <summary>API keys as an authentication scheme, a policy per scope, and per-key rate limits.</summary>
    public static IHostApplicationBuilder AddMerchantApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section)
            .Validate(o => o.Burst > 0 && o.RequestsPerSecond > 0, "Api:Burst and Api:RequestsPerSecond must be positive.")
            .ValidateOnStart();
        services.AddApiEndpointServices();

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.AnyKey, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireClaim(ApiKeyDefaults.MerchantIdClaim))
            .AddPolicy(ApiPolicies.CheckoutsWrite, policy => ScopePolicy(policy, ApiScope.CheckoutsWrite))
            .AddPolicy(ApiPolicies.PaymentsRead, policy => ScopePolicy(policy, ApiScope.PaymentsRead))
            .AddPolicy(ApiPolicies.RefundsWrite, policy => ScopePolicy(policy, ApiScope.RefundsWrite));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<ApiOptions>>().CurrentValue;
                // Authorization ran first, so an anonymous caller was refused before it could spend anyone's tokens.
                var key = ApiCaller.From(context.User)?.KeyId.ToString() ?? "";
                return context.RequestServices.GetRequiredService<SharedRateLimits>()
                    .TokenBucket(RateLimitPolicy, key, limits.Burst, limits.RequestsPerSecond);
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = $"Too many requests for this API key. Retry after {seconds} s.",
                        Extensions = { ["code"] = ApiErrorCodes.RateLimited },
                    },
                });
            };
        });
        return builder;
    }

    /// <summary>
    /// API answers are problem details, never the app's HTML error pages: status-code pages are turned off under
    /// <see cref="BasePath"/>, and an error the framework left without a body (a body that is not JSON, say) gets one.
    /// </summary>
    public static WebApplication UseMerchantApi(this WebApplication app)
    {
        app.UseRateLimiter();
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(BasePath))
            {
                await next(context);
                return;
            }
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            await next(context);
            if (context.Response is { HasStarted: false, StatusCode: >= 400, ContentLength: null })
            {
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = context.Response.StatusCode },
                });
            }
        });
        return app;
    }

    /// <summary>Every route of the merchant API under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapMerchantApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMerchantApiGroup()
            .MapKeyInfo()
            .MapCheckoutEndpoints()
            .MapPaymentEndpoints()
            .MapRefundEndpoints();
        endpoints.MapCheckoutQrCode();
        return endpoints;
    }

    /// <summary>The <c>/api/v1</c> group: only API keys, rate-limited per key. Feature endpoints add their own scope policy.</summary>
    public static RouteGroupBuilder MapMerchantApiGroup(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup(BasePath)
            .RequireAuthorization(ApiPolicies.AnyKey)
            .RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery();

    private static void ScopePolicy(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy, string scope) =>
        policy.AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
            .RequireClaim(ApiKeyDefaults.MerchantIdClaim)
            .RequireClaim(ApiKeyDefaults.ScopeClaim, scope);
}
