namespace Portal.Rails;

/// <summary>The order as Portal puts it on the wire; the bytes serialised once are the bytes signed and sent.</summary>
internal sealed record RailOrderMessage(
    Guid OrderId,
    string Kind,
    string PayerAccount,
    string MerchantAccount,
    string? Pin,
    string Amount,
    string Currency,
    string Reference)
{
    public override string ToString() => $"RailOrderMessage {OrderId}";
}
