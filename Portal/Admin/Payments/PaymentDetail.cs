using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.CrossBorder;
using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>Everything the payment detail page shows: the payment, its seven step times, and what it paid for.</summary>
public sealed record PaymentDetail(
    Guid Id,
    Money Amount,
    PaymentMethod Method,
    PaymentStatus Status,
    string? PayerAccountMasked,
    IReadOnlyList<PaymentStepTime> Steps,
    PaymentStep? FailedAtStep,
    DateTimeOffset? FailedAt,
    string? FailureCode,
    string? FailureMessage,
    TimeSpan? Duration,
    decimal? SecondsPer100,
    string CheckoutDescription,
    string? MerchantReference,
    string CheckoutToken,
    int Version,
    FxQuote? Quote = null)
{
    public bool IsFinal => Status is PaymentStatus.Succeeded or PaymentStatus.Failed or PaymentStatus.Abandoned;

    public DateTimeOffset? TimeOf(PaymentStep step) => Steps.FirstOrDefault(s => s.Step == step)?.At;

    public static PaymentDetail From(Payment payment, Checkout checkout)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(checkout);
        return new(payment.Id, payment.Amount, payment.Method, payment.Status, payment.PayerAccountMasked,
            PaymentSnapshot.Of(payment, checkout.Token).Steps, payment.FailedAtStep, payment.FailedAt, payment.FailureCode,
            payment.FailureMessage, payment.Duration, payment.SecondsPer100, checkout.Description, checkout.MerchantReference,
            checkout.Token, payment.Version, payment.Quote);
    }
}
