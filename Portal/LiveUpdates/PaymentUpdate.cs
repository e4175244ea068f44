using Portal.Domain.Payments;

namespace Portal.LiveUpdates;

/// <summary>A payment change as it goes over SignalR: amounts as decimal strings, instants in UTC, no secrets.</summary>
public sealed record PaymentUpdate(
    Guid PaymentId,
    Guid CheckoutId,
    string Method,
    string Amount,
    string Currency,
    string Status,
    int Step,
    IReadOnlyList<PaymentStepUpdate> Steps,
    string? FailureCode,
    string? FailureMessage,
    string? PayerAccount)
{
    public static PaymentUpdate From(PaymentSnapshot payment) => new(
        payment.PaymentId,
        payment.CheckoutId,
        payment.Method.ToString(),
        payment.Amount.ToAmountString(),
        payment.CurrencyCode,
        payment.Status.ToString(),
        (int)payment.Step,
        payment.Steps.Select(s => new PaymentStepUpdate((int)s.Step, s.Step.ToString(), s.At.UtcDateTime)).ToArray(),
        payment.FailureCode,
        payment.FailureMessage,
        payment.PayerAccountMasked);
}
