using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Domain.Rails;
using Portal.Domain.Refunds;

namespace Portal.Rails;

/// <summary>
/// Where the rail reports a fast order's result (step 6): a signed POST of the same answer the order endpoint
/// returns, to the path of the order's kind, payment or refund, named in the order. Only a correctly signed, fresh
/// callback changes anything; the same callback twice changes nothing the second time, because recording a rail result
/// is idempotent, so no replay store is needed.
/// </summary>
public static class RailCallbackEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapRailCallbacks(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        AsCallback(app.MapPost("/" + RailAddress.PaymentCallbackPath, ReceivePaymentCallbackAsync));
        AsCallback(app.MapPost("/" + RailAddress.RefundCallbackPath, ReceiveRefundCallbackAsync));
        AsCallback(app.MapPost("/" + RailAddress.CallbackPath, ReceiveCallbackAsync));
        return app;
    }

    private static void AsCallback(RouteHandlerBuilder endpoint) =>
        endpoint.WithTags("Rail callbacks").ExcludeFromDescription().DisableAntiforgery();

    /// <summary>A fast payment's result, recorded with the other callbacks that arrive meanwhile (<see cref="RailResultQueue"/>).</summary>
    public static Task<IResult> ReceivePaymentCallbackAsync(HttpContext context, RailResultQueue payments,
        IOptions<RailOptions> options, TimeProvider time, ILogger<HttpPaymentRail> logger)
    {
        ArgumentNullException.ThrowIfNull(payments);
        return ReceiveAsync(context, options, time, logger, "No payment has this order id.",
            result => RecordPaymentAsync(result, payments, logger));
    }

    /// <summary>A fast refund's result.</summary>
    public static Task<IResult> ReceiveRefundCallbackAsync(HttpContext context, RefundFlow refunds,
        IOptions<RailOptions> options, TimeProvider time, ILogger<HttpPaymentRail> logger)
    {
        ArgumentNullException.ThrowIfNull(refunds);
        return ReceiveAsync(context, options, time, logger, "No refund has this order id.",
            result => RecordRefundAsync(result, refunds, logger));
    }

    /// <summary>
    /// A result sent to the address every order carried before payments and refunds had paths of their own: the
    /// callbacks of orders sent before the upgrade. The kind is not on the message, so payments are tried first, being
    /// by far the most callbacks, then refunds.
    /// </summary>
    public static Task<IResult> ReceiveCallbackAsync(HttpContext context, RailResultQueue payments, RefundFlow refunds,
        IOptions<RailOptions> options, TimeProvider time, ILogger<HttpPaymentRail> logger)
    {
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(refunds);
        return ReceiveAsync(context, options, time, logger, "No payment or refund has this order id.",
            async result => await RecordPaymentAsync(result, payments, logger) ?? await RecordRefundAsync(result, refunds, logger));
    }

    // Reads and checks the callback, then records it as the path's kind says (null: no order of that kind has its id).
    private static async Task<IResult> ReceiveAsync(HttpContext context, IOptions<RailOptions> options, TimeProvider time,
        ILogger logger, string unknownOrder, Func<RailResult, Task<IResult?>> record)
    {
        var (result, refusal) = await ReadAsync(context, options, time, logger);
        if (result is null)
        {
            return refusal!;
        }
        if (await record(result) is { } recorded)
        {
            return recorded;
        }
        logger.CallbackForUnknownOrder(result.OrderId);
        return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: unknownOrder);
    }

    // The callback's result when it is signed as the rail signs, fresh and a rail answer; else the refusal to send back.
    private static async Task<(RailResult? Result, IResult? Refusal)> ReadAsync(HttpContext context, IOptions<RailOptions> options,
        TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large."));
        }

        var headers = context.Request.Headers;
        // Made per request: the keys are validated at start, and checking costs far more than this allocation. The
        // method and target are signed too, so a callback cannot be moved to another path that would read it.
        var scope = MessageScope.Request(context.Request.Method, Target(context.Request));
        var check = options.Value.CreateSigner().Verify(scope, headers[MessageSigner.TimestampHeader],
            headers[MessageSigner.NonceHeader], headers[MessageSigner.SignatureHeader], body, time.GetUtcNow(),
            options.Value.ClockTolerance);
        if (check != SignatureCheck.Valid)
        {
            logger.CallbackRefused(check);
            return (null, Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated.",
                detail: check == SignatureCheck.Stale
                    ? "The callback's timestamp is outside the allowed clock skew."
                    : "The callback is not signed as the rail requires."));
        }

        try
        {
            return (HttpPaymentRail.ToResult(HttpPaymentRail.ReadAnswer(body)), null);
        }
        catch (RailUnavailableException)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The callback is not a rail answer."));
        }
    }

    // Finishing the payment or refund is Portal's business now: a rail that hangs up does not stop it half way, so
    // neither is given the request's cancellation. Each returns null when no order of its kind has the id.
    private static async Task<IResult?> RecordPaymentAsync(RailResult result, RailResultQueue payments, ILogger logger)
    {
        if (await payments.RecordAsync(result) is not { } payment)
        {
            return null;
        }
        logger.CallbackRecorded(result.OrderId, result.Status, payment.Status.ToString());
        return Results.Ok();
    }

    private static async Task<IResult?> RecordRefundAsync(RailResult result, RefundFlow refunds, ILogger logger)
    {
        try
        {
            var recorded = await refunds.RecordRailResultAsync(result, CancellationToken.None);
            logger.CallbackRecorded(result.OrderId, result.Status, recorded.Status.ToString());
            return Results.Ok();
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    // The target as the rail sent and signed it (its Uri.PathAndQuery), not as routing decoded it; a host without a raw
    // target (a test server) is asked for path base, path and query. The bank reads its requests the same way: Portal
    // does not reach into the bank's code, which stands for the outside world.
    private static string Target(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return !string.IsNullOrEmpty(raw) && raw.StartsWith('/')
            ? raw
            : (request.PathBase + request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }
        // The rail always sends Content-Length: one exact array, where a chunk buffer and a growing MemoryStream were a
        // tenth of what each callback allocated (the callback path is the one that runs a thousand times a second).
        if (request.ContentLength is { } length)
        {
            var exact = new byte[length];
            await request.Body.ReadExactlyAsync(exact, cancellationToken);
            return exact;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
