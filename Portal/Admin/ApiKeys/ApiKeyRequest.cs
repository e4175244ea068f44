using Portal.Domain.ApiKeys;

namespace Portal.Admin.ApiKeys;

/// <summary>What the owner asked for in the create dialog; the domain decides whether it is a valid key.</summary>
public sealed record ApiKeyRequest(string Name, ApiScopes Scopes);
