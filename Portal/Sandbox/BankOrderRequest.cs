namespace Portal.Sandbox;

/// <summary>The JSON body of <c>POST /sandbox/bank/v1/orders</c>; every field is checked before use.</summary>
public sealed record BankOrderRequest(
    Guid? OrderId,
    string? Kind,
    string? PayerAccount,
    string? MerchantAccount,
    string? Pin,
    string? Amount,
    string? Currency,
    string? Reference)
{
    public override string ToString() => $"BankOrderRequest {OrderId}";
}
