using System.Diagnostics.Metrics;
using Portal.Domain.Telemetry;

namespace Portal.Domain.Refunds;

/// <summary>
/// Counts refunds requested, succeeded and failed (a rejection by the approver is a failure whose error.type is
/// "rejected"). As for payments (<see cref="Payments.PaymentMetrics"/>), <see cref="RefundFlow"/> calls it right after
/// the commit that made the change, once per change.
/// </summary>
public sealed class RefundMetrics
{
    private static readonly KeyValuePair<string, object?> Rejected = new("error.type", "rejected");

    private readonly OutcomeCounters _refunds;

    public RefundMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _refunds = new OutcomeCounters(meters.Create(PortalTelemetry.MeterName), "portal.refunds", "{refund}", "requested",
            "Refunds a Manager or Owner asked for (held on the payment at once).",
            "Refunds the rail paid back.",
            "Refunds refused by the rail or never delivered (error.type: their reason code), or rejected by the approver (error.type: rejected).");
    }

    /// <summary>A new refund was committed.</summary>
    public void Requested(Refund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        _refunds.Begun(refund.Method);
    }

    /// <summary>A change of <paramref name="refund"/> was committed; counts it when that change was its result.</summary>
    public void Committed(Refund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        switch (refund.Status)
        {
            case RefundStatus.Succeeded:
                _refunds.Succeeded(refund.Method);
                break;
            case RefundStatus.Failed:
                _refunds.Failed(refund.Method, PortalTelemetry.ErrorType(refund.FailureCode));
                break;
            case RefundStatus.Rejected:
                _refunds.Failed(refund.Method, Rejected);
                break;
        }
    }
}
