namespace Portal.Webhooks;

/// <summary>The events a merchant's endpoints can subscribe to, as their <c>type</c> field names them.</summary>
public static class WebhookEventTypes
{
    public const string CheckoutCompleted = "checkout.completed";
    public const string PaymentSucceeded = "payment.succeeded";
    public const string PaymentFailed = "payment.failed";
    public const string RefundSucceeded = "refund.succeeded";
    public const string RefundFailed = "refund.failed";

    public static IReadOnlyList<string> All { get; } =
        [CheckoutCompleted, PaymentSucceeded, PaymentFailed, RefundSucceeded, RefundFailed];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
