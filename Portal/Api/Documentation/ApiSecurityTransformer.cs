using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Portal.Api.Keys;
using Portal.Domain.ApiKeys;

namespace Portal.Api.Documentation;

/// <summary>
/// Puts the Bearer requirement on every operation, with the scopes its authorization policies ask for, read from the
/// endpoint's own metadata: the document cannot claim a scope the route does not enforce, or miss one it does.
/// </summary>
internal sealed class ApiSecurityTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var scopes = ScopesOf(context);
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(ApiDocumentTransformer.SecuritySchemeName, context.Document)] = scopes.ToList(),
        });
        var needs = scopes.Count == 0
            ? "Any valid API key may call this."
            : $"Requires an API key with the scope {string.Join(" and ", scopes.Select(s => $"`{s}`"))}.";
        operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? needs : $"{operation.Description}\n\n{needs}";
        return Task.CompletedTask;
    }

    /// <summary>The scopes an operation's policies require (none for "any key").</summary>
    internal static IReadOnlyList<string> ScopesOf(OpenApiOperationTransformerContext context) =>
        context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
            .Select(a => a.Policy)
            .Select(policy => policy switch
            {
                ApiPolicies.CheckoutsWrite => ApiScope.CheckoutsWrite,
                ApiPolicies.PaymentsRead => ApiScope.PaymentsRead,
                ApiPolicies.RefundsWrite => ApiScope.RefundsWrite,
                _ => null,
            })
            .OfType<string>()
            .Distinct()
            .ToList();
}
