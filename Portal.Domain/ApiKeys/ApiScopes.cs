namespace Portal.Domain.ApiKeys;

/// <summary>What a merchant's API key may do; a key holds any combination, chosen by the owner who creates it.</summary>
[Flags]
public enum ApiScopes
{
    None = 0,

    /// <summary><c>checkouts:write</c>: create checkouts and read them back.</summary>
    CheckoutsWrite = 1,

    /// <summary><c>payments:read</c>: list and read payments with their seven steps.</summary>
    PaymentsRead = 2,

    /// <summary><c>refunds:write</c>: refund payments and read the refunds.</summary>
    RefundsWrite = 4,

    All = CheckoutsWrite | PaymentsRead | RefundsWrite,
}
