using Portal.Domain.Payments;

namespace Portal.Pay;

/// <summary>How the seven steps read to a customer.</summary>
public static class PaymentStepText
{
    public static string For(PaymentStep step) => step switch
    {
        PaymentStep.MethodChosen => "Method chosen",
        PaymentStep.DetailsEntered => "Payment details entered",
        PaymentStep.OrderCreated => "Details verified, payment order created",
        PaymentStep.OrderSent => "Order signed and sent to the bank",
        PaymentStep.PayeeVerified => "Bank verified the order",
        PaymentStep.PayeeProcessed => "Bank processed the payment",
        PaymentStep.Notified => "You and the merchant notified",
        _ => step.ToString(),
    };
}
