using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>
/// One line of the payments list, built from the stored payment or from a live snapshot of it. The checkout's merchant
/// reference comes from the database only (a snapshot does not carry it). <see cref="PayerTotal"/> is what a cross-border
/// payer pays in their currency, shown once they confirmed it: a quote offered to a payer who never submitted is not a
/// payment in their currency.
/// </summary>
public sealed record PaymentRow(
    Guid Id,
    DateTimeOffset StartedAt,
    Money Amount,
    PaymentMethod Method,
    PaymentStatus Status,
    string? PayerAccountMasked,
    string? FailureCode,
    string? FailureMessage,
    TimeSpan? Duration,
    int Version,
    string? Reference = null,
    Money? PayerTotal = null)
{
    public static PaymentRow From(Payment payment, string? reference = null)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return new(payment.Id, payment.MethodChosenAt, payment.Amount, payment.Method, payment.Status,
            payment.PayerAccountMasked, payment.FailureCode, payment.FailureMessage, payment.Duration, payment.Version, reference,
            Confirmed(payment.Status, payment.PayerTotal));
    }

    public static PaymentRow From(PaymentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var started = snapshot.TimeOf(PaymentStep.MethodChosen) ?? DateTimeOffset.MinValue;
        return new(snapshot.PaymentId, started, snapshot.Amount, snapshot.Method, snapshot.Status,
            snapshot.PayerAccountMasked, snapshot.FailureCode, snapshot.FailureMessage,
            snapshot.TimeOf(PaymentStep.PayeeProcessed) - snapshot.TimeOf(PaymentStep.MethodChosen), snapshot.Version,
            PayerTotal: Confirmed(snapshot.Status, snapshot.Quote?.PayerTotal));
    }

    private static Money? Confirmed(PaymentStatus status, Money? payerTotal) => status == PaymentStatus.Started ? null : payerTotal;
}
