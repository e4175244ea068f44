using Portal.Health;

namespace Portal.Hosting;

/// <summary>
/// The cross-cutting defaults of a Portal host in one place, as eShop's ServiceDefaults: health checks. Every host of Portal (the app, the bench and the
/// tests, which start the same Program) gets them from here.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddPortalHealthChecks();
        return builder;
    }

    /// <summary><c>/health/live</c> and <c>/health/ready</c>.</summary>
    public static IEndpointRouteBuilder MapDefaultEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPortalHealthChecks();
        return app;
    }
}
