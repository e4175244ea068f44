using Portal.Domain.Common;
using Portal.Domain.CrossBorder;

namespace Portal.Domain.Payments;

/// <summary>
/// An immutable picture of a payment at one moment, as pushed to every page that watches it. Entities are
/// mutable and tracked; subscribers on other threads get this instead.
/// </summary>
public sealed record PaymentSnapshot(
    Guid PaymentId,
    Guid CheckoutId,
    Guid MerchantId,
    string CheckoutToken,
    PaymentMethod Method,
    long AmountMinorUnits,
    string CurrencyCode,
    PaymentStatus Status,
    PaymentStep Step,
    IReadOnlyList<PaymentStepTime> Steps,
    PaymentStep? FailedAtStep,
    string? FailureCode,
    string? FailureMessage,
    string? PayerAccountMasked,
    int Version,
    DateTimeOffset? ExpiresAt = null,
    FxQuote? Quote = null)
{
    public Money Amount => Money.FromMinorUnits(AmountMinorUnits, CurrencyCode);

    public bool IsFinal => Status is PaymentStatus.Succeeded or PaymentStatus.Failed or PaymentStatus.Abandoned;

    public DateTimeOffset? TimeOf(PaymentStep step) => Steps.FirstOrDefault(s => s.Step == step)?.At;

    public static PaymentSnapshot Of(Payment payment, string checkoutToken) => new(
        payment.Id,
        payment.CheckoutId,
        payment.MerchantId,
        checkoutToken,
        payment.Method,
        payment.AmountMinorUnits,
        payment.CurrencyCode,
        payment.Status,
        payment.Step,
        Enum.GetValues<PaymentStep>()
            .Select(step => payment.TimeOf(step) is { } at ? new PaymentStepTime(step, at) : null)
            .OfType<PaymentStepTime>()
            .ToArray(),
        payment.FailedAtStep,
        payment.FailureCode,
        payment.FailureMessage,
        payment.PayerAccountMasked,
        payment.Version,
        payment.ExpiresAt,
        payment.Quote);
}
