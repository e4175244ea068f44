using System.Buffers;
using System.Diagnostics;
using Portal.Domain.Payments;

namespace Portal.Domain.Telemetry;

/// <summary>
/// The names under which Portal's business reports itself: one meter and one activity source, both
/// <c>Portal.Payments</c>, and the attributes its instruments and spans share. Ids and reason codes only: never a
/// PIN, a key or a full account number.
/// </summary>
public static class PortalTelemetry
{
    public const string MeterName = "Portal.Payments";

    public const string ActivitySourceName = "Portal.Payments";

    public const string PaymentIdTag = "portal.payment.id";

    public const string RefundIdTag = "portal.refund.id";

    public const string MethodTag = "portal.payment.method";

    public const string StatusTag = "portal.payment.status";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    // From a lost race (0.1 s) to a QR code approved at the end of its 15 minutes: step 1 → 6 includes the
    // customer's own time, so the default buckets (made for milliseconds) would put almost every payment in the last.
    internal static readonly double[] PaymentSeconds = [0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600, 900, 1800];

    private static readonly KeyValuePair<string, object?> RealTime = new(MethodTag, "real_time");
    private static readonly KeyValuePair<string, object?> Fast = new(MethodTag, "fast");
    private static readonly KeyValuePair<string, object?> OtherReason = new("error.type", "other");
    private static readonly SearchValues<char> ReasonCodeCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>The method as the API writes it, made once: instruments on the callback path must not allocate.</summary>
    internal static KeyValuePair<string, object?> Method(PaymentMethod method) => method == PaymentMethod.Fast ? Fast : RealTime;

    /// <summary>
    /// A failure's reason code as <c>error.type</c>. A rail may add codes of its own; anything that is not a short
    /// code is "other", so that a misbehaving rail cannot grow the number of series without bound.
    /// </summary>
    internal static KeyValuePair<string, object?> ErrorType(string? code) =>
        code is { Length: > 0 and <= 8 } && !code.AsSpan().ContainsAnyExcept(ReasonCodeCharacters)
            ? new KeyValuePair<string, object?>("error.type", code)
            : OtherReason;

    /// <summary>
    /// A span for one flow operation on one payment, or null when nobody listens. The payment's id and method are
    /// its attributes, so that logs written inside it carry them as a scope.
    /// </summary>
    internal static Activity? StartPayment(string name, Guid? paymentId, PaymentMethod? method = null)
    {
        var activity = Source.StartActivity(name);
        if (activity is { IsAllDataRequested: true })
        {
            Identify(activity, paymentId);
            if (method is { } known)
            {
                var tag = Method(known);
                activity.SetTag(tag.Key, tag.Value);
            }
        }
        return activity;
    }

    /// <summary>Names the payment of a span started before the payment existed.</summary>
    internal static void Identify(Activity? activity, Guid? paymentId)
    {
        if (paymentId is { } id && activity is { IsAllDataRequested: true })
        {
            activity.SetTag(PaymentIdTag, id.ToString());
        }
    }

    /// <summary>A span for one flow operation on one refund, named by the ids known when it starts.</summary>
    internal static Activity? StartRefund(string name, Guid? refundId, Guid? paymentId = null)
    {
        var activity = Source.StartActivity(name);
        if (activity is { IsAllDataRequested: true })
        {
            Identify(activity, paymentId);
            IdentifyRefund(activity, refundId);
        }
        return activity;
    }

    /// <summary>Names the refund of a span started before the refund existed.</summary>
    internal static void IdentifyRefund(Activity? activity, Guid? refundId)
    {
        if (refundId is { } id && activity is { IsAllDataRequested: true })
        {
            activity.SetTag(RefundIdTag, id.ToString());
        }
    }

    /// <summary>
    /// Marks the span failed with the exception's type, for use in an exception filter: it returns false, so the
    /// exception goes on as if it had never been looked at.
    /// </summary>
    internal static bool Failed(Activity? activity, Exception exception)
    {
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            activity.SetTag("error.type", exception.GetType().FullName);
        }
        return false;
    }
}
