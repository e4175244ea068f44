namespace Portal.SecurityHeaders;

public static class SecurityHeadersExtensions
{
    /// <summary>
    /// A Content-Security-Policy, nosniff, a Referrer-Policy and a Permissions-Policy on every response Portal sends:
    /// pages, the API's problems, static files, health and metrics, error pages and 404s. Put ahead of the whole
    /// pipeline by a startup filter, so that endpoints that short-circuit routing (health, metrics, static assets)
    /// are covered too; written as the response starts, so that an error page that cleared the headers still has them.
    /// </summary>
    public static IHostApplicationBuilder AddSecurityHeaders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ContentSecurityPolicy>();
        builder.Services.AddTransient<IStartupFilter, SecurityHeadersStartupFilter>();
        return builder;
    }
}
