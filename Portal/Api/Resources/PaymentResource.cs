using Portal.Domain.Payments;

namespace Portal.Api.Resources;

/// <summary>
/// A payment with its seven steps, as the API and its webhooks show it. <see cref="SecondsPer100"/> is the field's
/// measure of speed: seconds from method chosen to settled (steps 1 to 6) for every 100 units of the currency.
/// <see cref="Conversion"/> is the payer's side of a cross-border payment, null for a payment in one currency.
/// </summary>
public sealed record PaymentResource(
    Guid Id,
    string Object,
    Guid CheckoutId,
    string? Reference,
    PaymentStatus Status,
    PaymentMethod Method,
    string Amount,
    string Currency,
    string AmountRefunded,
    string? PayerAccount,
    IReadOnlyList<StepResource> Steps,
    decimal? Seconds,
    decimal? SecondsPer100,
    FailureResource? Failure,
    DateTimeOffset CreatedAt,
    ConversionResource? Conversion = null)
{
    public static PaymentResource From(Payment payment, string checkoutToken, string? reference)
    {
        var snapshot = payment.Snapshot(checkoutToken);
        var steps = Enum.GetValues<PaymentStep>()
            .Select(step => new StepResource((int)step, StepNames.Of(step), snapshot.TimeOf(step)))
            .ToList();
        var started = snapshot.TimeOf(PaymentStep.MethodChosen);
        var settled = snapshot.TimeOf(PaymentStep.PayeeProcessed);
        decimal? seconds = started is { } from && settled is { } to && payment.Status == PaymentStatus.Succeeded
            ? Math.Round((to - from).Ticks / (decimal)TimeSpan.TicksPerSecond, 3)
            : null;
        decimal? per100 = seconds is { } s && payment.Amount.Amount > 0
            ? Math.Round(s * 100 / payment.Amount.Amount, 4)
            : null;
        return new PaymentResource(
            payment.Id,
            "payment",
            payment.CheckoutId,
            reference,
            payment.Status,
            payment.Method,
            MoneyAmount.Of(payment.Amount),
            payment.CurrencyCode,
            MoneyAmount.Of(Domain.Common.Money.FromMinorUnits(payment.RefundedMinorUnits, payment.CurrencyCode)),
            payment.PayerAccountMasked,
            steps,
            seconds,
            per100,
            payment.FailureCode is { } code
                ? new FailureResource(code, payment.FailureMessage ?? code, (int?)payment.FailedAtStep)
                : null,
            payment.MethodChosenAt,
            ConversionResource.Of(payment.Quote));
    }
}
