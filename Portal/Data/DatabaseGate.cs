namespace Portal.Data;

/// <summary>
/// While the database is not ready, every request but the probes (<c>/health/…</c>, <c>/metrics</c>) is answered 503 with
/// a short plain sentence: a page that half works on a database behind its migrations could write half a change. Once
/// <see cref="DatabaseStatus"/> says ready, requests pass; nothing needs a restart.
/// </summary>
internal sealed class DatabaseGate(RequestDelegate next, DatabaseStatus status)
{
    // What a waiting client (a proxy, a browser) may wait before asking again: the schema is checked this often.
    private const string RetryAfterSeconds = "10";

    public Task InvokeAsync(HttpContext context)
    {
        if (status.IsReady || IsProbe(context.Request.Path))
        {
            return next(context);
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(Explain(status.State), context.RequestAborted);
    }

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    // Who reads this may be a customer: the schema's command is for whoever deploys; why the database is unreachable
    // (hosts, ports) is in the log and the readiness probe, not on a public page.
    private static string Explain(DatabaseState state) => state == DatabaseState.SchemaBehind
        ? $"Portal is not serving: its database is behind this version. Run `{DatabaseMigrations.Command}` " +
          "(or `dotnet run --project Portal -- migrate`); Portal serves by itself once it is done.\n"
        : "Portal is not serving yet: its database cannot be reached. Portal keeps trying by itself.\n";
}
