using System.Security.Claims;
using Portal.Domain.ApiKeys;
using Portal.Domain.Merchants;

namespace Portal.Api.Keys;

/// <summary>
/// The merchant's server calling the API, as its key says: every API query takes the merchant from here, never from the
/// request, so a key sees only its own merchant's objects.
/// </summary>
public sealed record ApiCaller(Guid KeyId, string KeyName, Guid MerchantId, ApiScopes Scopes)
{
    /// <summary>
    /// The key as the domain sees whoever acts. It may do what a Manager does within its scopes (refunds above the
    /// merchant's approval threshold still wait for an owner), and the audit trail names the key, not a person.
    /// </summary>
    public StaffActor AsActor() => new(MerchantId, $"api-key:{KeyId:N}", $"API key \"{KeyName}\"", StaffRole.Manager);

    public static ApiCaller? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.AuthenticationType != ApiKeyDefaults.Scheme ||
            !Guid.TryParse(user.FindFirstValue(ApiKeyDefaults.KeyIdClaim), out var keyId) ||
            !Guid.TryParse(user.FindFirstValue(ApiKeyDefaults.MerchantIdClaim), out var merchantId))
        {
            return null;
        }
        var scopes = ApiScope.Each
            .Where(s => user.HasClaim(ApiKeyDefaults.ScopeClaim, s.Name))
            .Aggregate(ApiScopes.None, (all, s) => all | s.Scope);
        return new ApiCaller(keyId, user.FindFirstValue(ApiKeyDefaults.KeyNameClaim) ?? "", merchantId, scopes);
    }

    /// <summary>The caller of an endpoint that requires an API policy; the policy has already let only a key in.</summary>
    public static ApiCaller Of(HttpContext context) =>
        From(context.User) ?? throw new InvalidOperationException("This endpoint must require an API key policy.");
}
