using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Rails;

namespace Portal.Tests.Builders;

/// <summary>A merchant and one of its payments that succeeded, settled by the rail at <see cref="PaidAt"/>, for refund tests.</summary>
public sealed class PaidPayment
{
    public static readonly DateTimeOffset PaidAt = PaymentBuilder.StepTime(PaymentStep.PayeeProcessed);

    private PaidPayment(Merchant merchant, Payment payment)
    {
        Merchant = merchant;
        Payment = payment;
    }

    public Merchant Merchant { get; }

    public Payment Payment { get; }

    public StaffActor Manager => new(Merchant.Id, "manager-id", "Mia Manager", StaffRole.Manager);

    public StaffActor Owner => new(Merchant.Id, "owner-id", "Olu Owner", StaffRole.Owner);

    public StaffActor Viewer => new(Merchant.Id, "viewer-id", "Vic Viewer", StaffRole.Viewer);

    public static PaidPayment Of(decimal amount, PaymentMethod method = PaymentMethod.RealTime) => Of(amount, method, null);

    /// <summary>A payment paid from an account in <paramref name="payerCurrency"/> at <paramref name="rate"/>, with a fee.</summary>
    public static PaidPayment CrossBorder(decimal amount, string payerCurrency, decimal rate, decimal fee = 0m) =>
        Of(amount, PaymentMethod.RealTime, builder => builder.PaidFrom(payerCurrency, rate, fee));

    private static PaidPayment Of(decimal amount, PaymentMethod method, Func<PaymentBuilder, PaymentBuilder>? payer)
    {
        var merchant = new MerchantBuilder().Build();
        var checkout = new CheckoutBuilder().ForMerchant(merchant).WithAmount(amount).Build();
        var builder = new PaymentBuilder().ForCheckout(checkout).WithMethod(method).AtStep(PaymentStep.OrderSent);
        var payment = (payer?.Invoke(builder) ?? builder).Build();
        payment.RecordRailResult(new RailResult(payment.OrderId, RailOrderStatus.Settled, null, PaidAt, PaidAt, "rail-ref"), PaidAt);
        return new PaidPayment(merchant, payment);
    }
}
