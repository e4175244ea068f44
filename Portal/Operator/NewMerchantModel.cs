namespace Portal.Operator;

/// <summary>The operator's form for a new merchant and the email of its first owner.</summary>
public sealed class NewMerchantModel
{
    public string? Name { get; set; }

    public string? City { get; set; }

    public string CurrencyCode { get; set; } = "CNY";

    public string? SettlementAccount { get; set; }

    public string? OwnerEmail { get; set; }
}
