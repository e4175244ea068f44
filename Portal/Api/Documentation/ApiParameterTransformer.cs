using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Portal.Api.Documentation;

/// <summary>
/// Query parameters as clients write them: camelCase like the JSON (binding ignores case, the framework documents the
/// C# property's name), each with what it filters and the form it takes.
/// </summary>
internal sealed class ApiParameterTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["status"] = "Only objects in this status, e.g. `open`, `paid` (checkouts) or `succeeded`, `failed` (payments).",
        ["reference"] = "Only checkouts with this merchant reference.",
        ["method"] = "Only payments by this method: `real_time` or `fast`.",
        ["checkoutId"] = "Only the payments of this checkout.",
        ["createdFrom"] = "Only objects created at or after this instant (ISO 8601, UTC), e.g. `2026-11-25T00:00:00Z`.",
        ["createdTo"] = "Only objects created before this instant (ISO 8601, UTC).",
        ["limit"] = "How many objects per page, 1–100. Defaults to 20.",
        ["cursor"] = "The `nextCursor` of the previous page, to read the next one.",
        ["id"] = "The object's id (a UUID) as the API returned it.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } name && char.IsUpper(name[0]))
            {
                parameter.Name = char.ToLowerInvariant(name[0]) + name[1..];
            }
            if (string.IsNullOrWhiteSpace(parameter.Description) && parameter.Name is { } known &&
                Descriptions.TryGetValue(known, out var description))
            {
                parameter.Description = description;
            }
        }
        return Task.CompletedTask;
    }
}
