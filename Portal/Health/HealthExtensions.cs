using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Health;

public static class HealthExtensions
{
    public const string LivePath = "/health/live";

    public const string ReadyPath = "/health/ready";

    /// <summary>
    /// Liveness (the process answers; it depends on nothing, so a database outage never gets instances restarted) and
    /// readiness (database current and reachable, rail reachable), each check bounded by <c>Health:Timeout</c>.
    /// </summary>
    public static IHostApplicationBuilder AddPortalHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy("The process answers."), [HealthTags.Live])
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [HealthTags.Ready])
            .AddCheck<RailHealthCheck>("rail", HealthStatus.Degraded, [HealthTags.Ready]);
        // Every readiness check, also one registered after this, gets the same bound unless it chose its own.
        builder.Services.AddOptions<HealthCheckServiceOptions>().PostConfigure<IOptions<HealthOptions>>((service, health) =>
        {
            foreach (var registration in service.Registrations)
            {
                if (registration.Tags.Contains(HealthTags.Ready) && registration.Timeout == Timeout.InfiniteTimeSpan)
                {
                    registration.Timeout = health.Value.Timeout;
                }
            }
        });
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c> and <c>/health/ready</c>: 200 when Healthy or Degraded, 503 when Unhealthy, with a JSON list of
    /// the checks. A load balancer polls them every few seconds, so they need no sign-in, run straight after routing (no
    /// authentication, rate limiter or antiforgery on the way) and stay out of the HTTP metrics.
    /// </summary>
    public static IEndpointRouteBuilder MapPortalHealthChecks(this IEndpointRouteBuilder app)
    {
        Map(app, LivePath, HealthTags.Live);
        Map(app, ReadyPath, HealthTags.Ready);
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, string path, string tag) =>
        app.MapHealthChecks(path, new HealthCheckOptions
            {
                Predicate = registration => registration.Tags.Contains(tag),
                ResponseWriter = HealthReportWriter.WriteAsync,
            })
            .AllowAnonymous()
            .DisableRateLimiting()
            .DisableHttpMetrics()
            .ShortCircuit();
}
