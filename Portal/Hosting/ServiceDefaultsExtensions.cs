using Portal.Health;
using Portal.SecurityHeaders;
using Portal.Telemetry;

namespace Portal.Hosting;

/// <summary>
/// The cross-cutting defaults of a Portal host in one place, as eShop's ServiceDefaults: telemetry (JSON logs outside
/// Development, OpenTelemetry metrics and traces), health checks and the security headers. Every host of Portal (the app, the bench and the
/// tests, which start the same Program) gets them from here.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddPortalTelemetry();
        builder.AddPortalHealthChecks();
        builder.AddSecurityHeaders();
        return builder;
    }

    /// <summary><c>/health/live</c>, <c>/health/ready</c> and <c>/metrics</c>.</summary>
    public static IEndpointRouteBuilder MapDefaultEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPortalHealthChecks();
        app.MapPortalTelemetry();
        return app;
    }
}
