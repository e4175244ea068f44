using Portal.Domain.Checkouts;
using Portal.Domain.Payments;

namespace Portal.Wallet;

/// <summary>What the sandbox wallet shows of a payment it was asked to approve.</summary>
public sealed record WalletView(PaymentSnapshot Payment, string MerchantName, string AccentColor, CheckoutStatus CheckoutStatus);
