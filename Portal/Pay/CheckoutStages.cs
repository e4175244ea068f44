using Portal.Domain.Checkouts;
using Portal.Domain.Payments;

namespace Portal.Pay;

/// <summary>Which <see cref="CheckoutStage"/> a checkout and its payment are in, and which stages can never change.</summary>
public static class CheckoutStages
{
    /// <summary>
    /// The stage to show. A payment with the bank outranks the checkout's own state: a checkout that expires while its
    /// payment is processing still shows the payment finishing.
    /// </summary>
    /// <param name="fromReload">A page (re)opened rather than a step just taken: typed details are gone, so a started
    /// real-time attempt shows the choice again.</param>
    public static CheckoutStage Of(CheckoutView view, PaymentSnapshot? payment, bool fromReload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Status == CheckoutStatus.Paid)
        {
            return CheckoutStage.Succeeded;
        }
        return payment?.Status switch
        {
            PaymentStatus.Processing => CheckoutStage.Processing,
            PaymentStatus.Succeeded => CheckoutStage.Succeeded,
            _ when view.Status == CheckoutStatus.Expired => CheckoutStage.Expired,
            _ when view.Status == CheckoutStatus.Cancelled => CheckoutStage.Closed,
            _ when view.TooManyAttempts => CheckoutStage.Locked,
            PaymentStatus.Failed when payment.Method == PaymentMethod.Fast && payment.FailureCode == FailureReason.Expired.Code => CheckoutStage.FastExpired,
            PaymentStatus.Failed => CheckoutStage.Failed,
            PaymentStatus.Started when payment.Method == PaymentMethod.Fast =>
                payment.ExpiresAt is { } expiresAt && now >= expiresAt ? CheckoutStage.FastExpired : CheckoutStage.FastQr,
            PaymentStatus.Started when !fromReload => CheckoutStage.Form,
            _ => CheckoutStage.Choose,
        };
    }

    /// <summary>
    /// Whether a page opened now can never change: an unknown link, a paid, expired, closed or locked checkout. Such a
    /// page is rendered once, statically, and holds no circuit on the server.
    /// </summary>
    public static bool IsFinal(CheckoutView? view, DateTimeOffset now) =>
        view is null ||
        Of(view, view.CurrentPayment, fromReload: true, now) is CheckoutStage.Succeeded or CheckoutStage.Expired or
            CheckoutStage.Closed or CheckoutStage.Locked;
}
