using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Domain.Common;
using Portal.Identity;

namespace Portal.Admin.Payments;

/// <summary>
/// <c>GET /admin/payments/export.csv?status=…&amp;from=…</c>: the signed-in staff member's payments under the same filter
/// the list reads from its URL, streamed row by row. Malformed filters are refused with 400 problem details naming each
/// one: a download must not quietly contain something other than what was asked for.
/// </summary>
public static class PaymentExportEndpoints
{
    public const string Path = "/admin/payments/export.csv";

    public static IEndpointRouteBuilder MapPaymentExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ExportAsync).RequireAuthorization(PortalPolicies.Staff).WithName("ExportPayments");
        return app;
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        HttpContext http, AuthenticationStateProvider authentication, MerchantQueries merchants, PaymentQueries payments, TimeProvider time,
        ILoggerFactory loggers)
    {
        // The admin queries read the staff member through Blazor's authentication state, which only a component request
        // sets by itself; an endpoint hands it the request's user, so the merchant filter stays in one place.
        if (authentication is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
        }
        var merchant = await merchants.FindCurrentAsync(http.RequestAborted);
        if (merchant is null)
        {
            return TypedResults.Problem(title: "Merchant not found.", statusCode: StatusCodes.Status404NotFound);
        }
        var reading = PaymentFilterReader.Read(http.Request.Query, Currency.FromCode(merchant.CurrencyCode));
        if (!reading.IsValid)
        {
            return TypedResults.ValidationProblem(reading.Problems, title: "The export's filters are not valid; nothing was exported.");
        }
        var day = time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        // A list of payments is not for caches on the way; the rows stream as they are read, nothing buffered.
        http.Response.Headers.CacheControl = "no-store";
        var rows = payments.ExportAsync(reading.Filter, http.RequestAborted);
        var logger = loggers.CreateLogger(typeof(PaymentExportEndpoints));
        return TypedResults.Stream(body => WriteAsync(body, rows, logger, http.RequestAborted),
            "text/csv; charset=utf-8", $"payments-{day}.csv");
    }

    // A client that hangs up cancels the request's token, which ends both the writing and the reading of payments.
    private static async Task WriteAsync(Stream body, IAsyncEnumerable<PaymentExportRow> rows, ILogger logger, CancellationToken aborted)
    {
        var read = 0;
        async IAsyncEnumerable<PaymentExportRow> Counted()
        {
            await foreach (var row in rows)
            {
                read++;
                yield return row;
            }
        }

        try
        {
            PaymentExportLog.Finished(logger, await PaymentCsv.WriteAsync(body, Counted(), aborted));
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            PaymentExportLog.Abandoned(logger, read);
        }
    }
}
