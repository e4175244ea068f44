using Portal.Domain.ApiKeys;

namespace Portal.Api.Keys;

/// <summary>Authorization policies of the API, one per scope, each accepting only an API key.</summary>
public static class ApiPolicies
{
    public const string CheckoutsWrite = "api:" + ApiScope.CheckoutsWrite;
    public const string PaymentsRead = "api:" + ApiScope.PaymentsRead;
    public const string RefundsWrite = "api:" + ApiScope.RefundsWrite;

    /// <summary>Any valid key, whatever its scopes.</summary>
    public const string AnyKey = "api:key";
}
