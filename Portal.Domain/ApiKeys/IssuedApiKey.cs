namespace Portal.Domain.ApiKeys;

/// <summary>A new key and its secret, which exists only here: shown to the owner once, then forgotten.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);
