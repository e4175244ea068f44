namespace Portal.Rails;

/// <summary>
/// The order as Portal puts it on the wire; the bytes serialised once are the bytes signed and sent. <see cref="Mode"/>
/// is <c>realtime</c> (settled before the answer) or <c>fast</c> (accepted at once, the result POSTed later, signed,
/// to <see cref="CallbackUrl"/>). A cross-border payment carries the quote the payer confirmed and what it takes from
/// the payer (<see cref="PayerAmount"/>, fee included, in <see cref="PayerCurrency"/>). A refund names
/// the payment it gives back (<see cref="OriginalOrderId"/>) instead of a payer: the rail knows who paid.
/// </summary>
internal sealed record RailOrderMessage(
    Guid OrderId,
    string Kind,
    string? PayerAccount,
    string MerchantAccount,
    string? Pin,
    string Amount,
    string Currency,
    string Reference,
    string Mode = RailOrderMessage.RealTimeMode,
    string? CallbackUrl = null,
    Guid? OriginalOrderId = null,
    string? QuoteId = null,
    string? PayerAmount = null,
    string? PayerCurrency = null)
{
    public const string RealTimeMode = "realtime";
    public const string FastMode = "fast";

    public override string ToString() => $"RailOrderMessage {OrderId}";
}
