namespace Portal.Admin;

/// <summary>What the admin chrome and forms need of the signed-in staff member's merchant.</summary>
public sealed record MerchantSummary(Guid Id, string Name, string CurrencyCode);
