using Portal.Domain.ApiKeys;

namespace Portal.Api.Keys;

public static class KeyInfoEndpoint
{
    /// <summary><c>GET /api/v1/key</c>: the calling key's name, merchant and scopes; any valid key may ask.</summary>
    public static RouteGroupBuilder MapKeyInfo(this RouteGroupBuilder api)
    {
        api.MapGet("/key", (HttpContext context) =>
            {
                var caller = ApiCaller.Of(context);
                return TypedResults.Ok(new KeyInfoResource(caller.KeyId, "api_key", caller.KeyName, caller.MerchantId,
                    ApiScope.Names(caller.Scopes).ToList()));
            })
            .WithName("GetKey")
            .WithSummary("The calling API key")
            .WithDescription("Who the key belongs to and what it may do. Use it to check a key before going live.");
        return api;
    }
}
