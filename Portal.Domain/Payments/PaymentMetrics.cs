using System.Diagnostics.Metrics;
using Portal.Domain.Telemetry;

namespace Portal.Domain.Payments;

/// <summary>
/// Counts what payments become: started, succeeded (with how long step 1 → step 6 took), failed (with the reason code).
/// <see cref="PaymentFlow"/> and <see cref="PaymentOutcomes"/> call it right after the commit that made the change, once per change: a snapshot may be
/// published more than once, a commit that lost its race is never counted, and whichever path finishes a payment (the
/// rail's answer, a callback, the reconciler) counts it. BCL instruments only; the host decides who listens, and while
/// nobody does a call costs one flag check.
/// </summary>
public sealed class PaymentMetrics
{
    private readonly OutcomeCounters _payments;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _quotes;

    public PaymentMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(PortalTelemetry.MeterName);
        _payments = new OutcomeCounters(meter, "portal.payments", "{payment}", "started",
            "Payments started: a customer chose a method on a checkout (step 1).",
            "Payments the rail settled (step 6).",
            "Payments that failed, by reason code (error.type: AM04, PIN1, AB05, EXPD …).");
        _duration = meter.CreateHistogram("portal.payment.duration", "s",
            "Step 1 → step 6 of succeeded payments, the customer's own time included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = PortalTelemetry.PaymentSeconds });
        _quotes = meter.CreateCounter<long>("portal.payment.quotes", "{quote}",
            "FX quotes kept on payments for payers whose account is in another currency, by payer currency.");
    }

    /// <summary>A quote (or its withdrawal) was committed on <paramref name="payment"/>; counts the quotes.</summary>
    public void Quoted(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.PayerCurrencyCode is { } currency)
        {
            _quotes.Add(1, new KeyValuePair<string, object?>("portal.payer.currency", currency));
        }
    }

    /// <summary>Step 1 was committed.</summary>
    public void Started(PaymentMethod method) => _payments.Begun(method);

    /// <summary>A change of <paramref name="payment"/> was committed; counts it when that change was its result.</summary>
    public void Committed(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        switch (payment.Status)
        {
            case PaymentStatus.Succeeded:
                _payments.Succeeded(payment.Method);
                if (payment.Duration is { } duration)
                {
                    _duration.Record(duration.TotalSeconds, PortalTelemetry.Method(payment.Method));
                }
                break;
            case PaymentStatus.Failed:
                _payments.Failed(payment.Method, PortalTelemetry.ErrorType(payment.FailureCode));
                break;
        }
    }
}
