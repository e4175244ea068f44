namespace Portal.SecurityHeaders;

/// <summary>
/// Registers, ahead of the routing the host adds before Program.cs's middleware, a callback that writes the headers
/// when the response starts. The path is the one asked for, taken before an error or 404 page re-executes the request
/// under its own path: a /pay page that fails keeps the customer pages' Referrer-Policy.
/// </summary>
internal sealed class SecurityHeadersStartupFilter(ContentSecurityPolicy policy) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            var requested = context.Request.Path;
            context.Response.OnStarting(() =>
            {
                WriteHeaders(context, requested);
                return Task.CompletedTask;
            });
            return nextMiddleware(context);
        });
        next(app);
    };

    private void WriteHeaders(HttpContext context, PathString requested)
    {
        var headers = context.Response.Headers;
        // Set, not appended: the framework's own "frame-ancestors 'self'" (sent while circuits are compressed) is
        // part of this policy, and two policies would both have to pass.
        headers.ContentSecurityPolicy = policy.For(context, requested);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy.For(requested);
        headers["Permissions-Policy"] = PermissionsPolicy.Value;
    }
}
