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
    /// <summary>
    /// The update as the customer's side may see it (the checkout group, joined by anyone holding the link): a refusal
    /// of account or PIN reads as one, whatever the cause, as on the page itself.
    /// </summary>
    public static PaymentUpdate ForCustomer(PaymentSnapshot payment) =>
        FailureReason.IsCredentialRefusal(payment.FailureCode)
            ? From(payment) with { FailureCode = FailureReason.CredentialsRefused.Code, FailureMessage = FailureReason.CredentialsRefused.Message }
            : From(payment);

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
