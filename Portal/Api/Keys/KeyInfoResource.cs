namespace Portal.Api.Keys;

/// <summary>What <c>GET /api/v1/key</c> tells a caller about its own key: a way to check a key works before using it.</summary>
public sealed record KeyInfoResource(Guid Id, string Object, string Name, Guid MerchantId, IReadOnlyList<string> Scopes);
