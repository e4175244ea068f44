using DemoShop.Orders;
using DemoShop.PortalApi;
using Microsoft.Extensions.Options;

namespace DemoShop.Webhooks;

/// <summary>
/// <c>POST /webhooks/portal</c>: Portal tells the shop what happened to its checkouts. Any 2xx tells Portal the event
/// arrived; anything else makes it retry, so a bad signature is refused (400) but an event about nothing the shop
/// knows is acknowledged, or Portal would keep sending it for days.
/// </summary>
public static class PortalWebhookEndpoint
{
    public const string Path = "/webhooks/portal";

    public static IEndpointRouteBuilder MapPortalWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, ReceiveAsync);
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<PortalOptions> options, OrderStore orders,
        TimeProvider time, ILogger<PortalEvent> logger, CancellationToken cancellationToken)
    {
        // The signature covers the body exactly as sent: read it raw, before any JSON parsing.
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (!PortalSignature.IsValid(request.Headers["Portal-Signature"], body, options.Value.WebhookSecret, now))
        {
            ShopLog.SignatureRejected(logger);
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The Portal-Signature header is missing, wrong or too old.");
        }
        if (PortalEvent.Parse(body) is not { } portalEvent)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a Portal event.");
        }

        var firstTime = await orders.HandleEventOnceAsync(portalEvent.Id, all => Apply(portalEvent, all, now, logger), cancellationToken);
        if (!firstTime)
        {
            ShopLog.EventRepeated(logger, portalEvent.Id);
        }
        return TypedResults.Ok();
    }

    private static void Apply(PortalEvent portalEvent, IReadOnlyList<Order> orders, DateTimeOffset now, ILogger logger)
    {
        var order = orders.FirstOrDefault(o => o.Number == portalEvent.Reference);
        if (order is null || portalEvent.CheckoutId is not { } checkoutId)
        {
            ShopLog.EventIgnored(logger, portalEvent.Id, portalEvent.Type);
            return;
        }
        var changed = portalEvent.Type switch
        {
            PortalEvent.CheckoutCompleted or PortalEvent.PaymentSucceeded when portalEvent is { Amount: { } amount, Currency: { } currency } =>
                order.MarkPaid(checkoutId, amount, currency, now),
            PortalEvent.PaymentFailed =>
                order.RecordFailedAttempt(checkoutId, portalEvent.FailureMessage ?? "The payment did not go through."),
            _ => false,
        };
        if (changed)
        {
            ShopLog.OrderUpdated(logger, order.Number, portalEvent.Type, portalEvent.Id);
        }
    }
}
