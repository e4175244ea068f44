namespace Portal.Domain.ApiKeys;

/// <summary>The scopes by the names clients and the documentation use.</summary>
public static class ApiScope
{
    public const string CheckoutsWrite = "checkouts:write";
    public const string PaymentsRead = "payments:read";
    public const string RefundsWrite = "refunds:write";

    public static IReadOnlyList<(ApiScopes Scope, string Name)> Each { get; } =
    [
        (ApiScopes.CheckoutsWrite, CheckoutsWrite),
        (ApiScopes.PaymentsRead, PaymentsRead),
        (ApiScopes.RefundsWrite, RefundsWrite),
    ];

    public static IEnumerable<string> Names(ApiScopes scopes) =>
        Each.Where(s => scopes.HasFlag(s.Scope)).Select(s => s.Name);
}
