namespace Portal.SandboxBank;

/// <summary>
/// The JSON body of <c>POST /sandbox/bank/v1/quotes</c>: what paying <see cref="Amount"/> in <see cref="Currency"/> to
/// <see cref="MerchantAccount"/> would cost from <see cref="PayerAccount"/>. Every field is checked before use.
/// </summary>
public sealed record FxQuoteRequest(string? PayerAccount, string? MerchantAccount, string? Amount, string? Currency)
{
    public override string ToString() => "FxQuoteRequest";
}
