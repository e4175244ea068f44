namespace Portal.SandboxBank;

/// <summary>
/// The JSON body of <c>POST /sandbox/bank/v1/orders</c>; every field is checked before use. <see cref="Mode"/> is
/// <c>realtime</c> (the default) or <c>fast</c>, which needs an absolute http(s) <see cref="CallbackUrl"/>.
/// A refund names the settled payment it gives back (<see cref="OriginalOrderId"/>); the bank pays whoever paid it.
/// A cross-border payment carries the quote it spends (<see cref="QuoteId"/>) and what leaves the payer's account
/// (<see cref="PayerAmount"/>, the quote's amount and fee, in <see cref="PayerCurrency"/>): all three or none.
/// </summary>
public sealed record BankOrderRequest(
    Guid? OrderId,
    string? Kind,
    string? PayerAccount,
    string? MerchantAccount,
    string? Pin,
    string? Amount,
    string? Currency,
    string? Reference,
    string? Mode = null,
    string? CallbackUrl = null,
    Guid? OriginalOrderId = null,
    string? QuoteId = null,
    string? PayerAmount = null,
    string? PayerCurrency = null)
{
    public override string ToString() => $"BankOrderRequest {OrderId}";
}
