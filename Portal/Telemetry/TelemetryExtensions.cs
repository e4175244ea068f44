using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Portal.Domain.Telemetry;

namespace Portal.Telemetry;

public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    /// <summary>The standard OpenTelemetry variable: where a collector takes OTLP. Unset, nothing is exported.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // The ASP.NET Core meters worth their cost. Not "Microsoft.AspNetCore.Components.Lifecycle" (a histogram per render
    // batch and per parameter update: every push to thousands of waiting checkout pages) nor
    // "Microsoft.AspNetCore.MemoryPool" (a count per buffer rented), which the instrumentation's own list would add.
    private static readonly string[] AspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Components.Server.Circuits",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "Microsoft.AspNetCore.Identity",
    ];

    /// <summary>
    /// Logs, metrics and traces, the OpenTelemetry way. Metrics (Portal's own under <c>portal.</c>, ASP.NET Core,
    /// HttpClient, the runtime) are always kept, for Prometheus at <see cref="MetricsPath"/>. With
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, metrics, traces (the payment flow, incoming and outgoing HTTP) and logs
    /// also go to that collector; the other <c>OTEL_*</c> variables (service name, sampler, protocol) apply as usual.
    /// Outside Development the console writes JSON, one object per line, with scopes.
    /// </summary>
    public static IHostApplicationBuilder AddPortalTelemetry(this IHostApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
        // A span's attributes become a scope of the log lines written inside it: the payment flow's carry its payment id.
        builder.Logging.Configure(options => options.ActivityTrackingOptions |= ActivityTrackingOptions.Tags);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "portal"))
            .WithMetrics(metrics => metrics
                .AddMeter(PortalTelemetry.MeterName)
                .AddMeter(AspNetCoreMeters)
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            // Nothing would receive a span: none is recorded (each costs allocations on every request).
            builder.Services.AddHostedService<PaymentLogScopes>();
            return builder;
        }
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeScopes = true;
            logging.IncludeFormattedMessage = true;
        });
        telemetry
            .WithTracing(tracing => tracing
                .AddSource(PortalTelemetry.ActivitySourceName)
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    // Probes and scrapes every few seconds are no story to tell.
                    aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/health") &&
                                                   !context.Request.Path.StartsWithSegments(MetricsPath);
                    aspNetCore.EnrichWithHttpRequest = TracePrivacy.RedactRequest;
                    // A span per SignalR message would be one per render batch each waiting checkout page acknowledges.
                    aspNetCore.EnableAspNetCoreSignalRSupport = false;
                })
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = TracePrivacy.RedactOutgoing))
            .UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// The Prometheus scrape endpoint, <c>/metrics</c>: no sign-in, straight after routing, outside the HTTP metrics.
    /// It is meant for the scraper on the inside network; the proxy in front of Portal should not route it.
    /// </summary>
    public static IEndpointRouteBuilder MapPortalTelemetry(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath)
            .AllowAnonymous()
            .DisableHttpMetrics()
            .ShortCircuit();
        return app;
    }
}
