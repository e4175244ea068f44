namespace Portal.Rails;

/// <summary>A quote request as Portal puts it on the wire: the payer's account tells the provider its currency by range.</summary>
internal sealed record RailQuoteMessage(string PayerAccount, string MerchantAccount, string Amount, string Currency)
{
    public override string ToString() => $"RailQuoteMessage {Amount} {Currency}";
}
