using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>The seven steps as staff read them.</summary>
public static class PaymentStepNames
{
    public static string Of(PaymentStep step) => step switch
    {
        PaymentStep.MethodChosen => "Method chosen",
        PaymentStep.DetailsEntered => "Details entered",
        PaymentStep.OrderCreated => "Verified, order created",
        PaymentStep.OrderSent => "Order signed and sent",
        PaymentStep.PayeeVerified => "Payee verified",
        PaymentStep.PayeeProcessed => "Payee processed",
        PaymentStep.Notified => "Notified",
        _ => step.ToString(),
    };

    public static string Of(PaymentMethod method) => method switch
    {
        PaymentMethod.RealTime => "Real-time",
        PaymentMethod.Fast => "Fast (QR)",
        _ => method.ToString(),
    };
}
