namespace Portal.Api.Keys;

/// <summary>The API's authentication scheme and the claims it puts on a caller.</summary>
public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";

    public const string KeyIdClaim = "portal:api-key";

    public const string KeyNameClaim = "portal:api-key-name";

    /// <summary>Not the staff cookie's merchant claim: a key must never satisfy a staff policy, and a cookie never an API one.</summary>
    public const string MerchantIdClaim = "portal:api-merchant";

    public const string ScopeClaim = "scope";
}
