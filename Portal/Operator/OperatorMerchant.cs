namespace Portal.Operator;

/// <summary>A merchant as the platform operator lists it: who it is and how many staff it has, nothing of its payments.</summary>
public sealed record OperatorMerchant(Guid Id, string Name, string City, string CurrencyCode, string MaskedSettlementAccount,
    int StaffCount, DateTimeOffset CreatedAt);
