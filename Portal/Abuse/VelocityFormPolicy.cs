using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Bus;
using Portal.Pay;

namespace Portal.Abuse;

/// <summary>
/// The velocity limit of an anonymous form that posts back to its static page (sign-in, password reset, invitation,
/// store code): posts spend from the client address's bucket, reading the page costs nothing. Over the limit a person
/// reads a short page saying how long to wait, a client gets problem details; both a 429 with Retry-After, and the
/// page's own handler never runs, so nothing is written.
/// </summary>
internal sealed class VelocityFormPolicy(string name, Func<VelocityOptions, VelocityLimit> limit) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var current = limit(httpContext.RequestServices.GetRequiredService<IOptionsMonitor<VelocityOptions>>().CurrentValue);
        return httpContext.RequestServices.GetRequiredService<SharedRateLimits>()
            .TokenBucket("velocity-" + name, VelocityLimits.AddressKey(ClientAddress.Of(httpContext)), current.Burst, 1, current.Every);
    }

    private async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var fallback = limit(context.RequestServices.GetRequiredService<IOptionsMonitor<VelocityOptions>>().CurrentValue).Every;
        var verdict = new VelocityVerdict(false,
            rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : fallback);
        context.RequestServices.GetRequiredService<ILogger<VelocityLimits>>().VelocityLimited(name, "address", verdict.RetryAfterSeconds);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = verdict.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var message = context.RequestServices.GetRequiredService<IStringLocalizer<CheckoutText>>()["TooManyAttempts", verdict.RetryAfterSeconds].Value;
        if (WantsJson(context.Request))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = message, Extensions = { ["code"] = Api.ApiErrorCodes.RateLimited } },
            });
            return;
        }
        var title = context.RequestServices.GetRequiredService<IStringLocalizer<CheckoutText>>()["TooManyAttemptsTitle"].Value;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{WebUtility.HtmlEncode(CultureInfo.CurrentUICulture.Name)}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{WebUtility.HtmlEncode(title)} · Portal</title></head>
            <body><main role="alert"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(message)}</p></main></body>
            </html>
            """, cancellationToken);
    }

    private static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("json", StringComparison.OrdinalIgnoreCase)) &&
        !request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
}
