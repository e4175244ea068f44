using Portal.Domain.Checkouts;

namespace Portal.Domain.Payments;

/// <summary>A payment and its checkout, loaded together into one unit of work.</summary>
public sealed record PaymentAndCheckout(Payment Payment, Checkout Checkout);
