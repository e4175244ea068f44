using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Portal.Api.Documentation;

/// <summary>
/// The web JSON defaults also read numbers from strings, so the framework documents every number as "integer or
/// string" with a digits pattern. The API writes numbers as numbers and clients should send them so; the document says
/// that. (Money is not affected: amounts are strings by design.)
/// </summary>
internal sealed class ApiNumberSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) &&
            (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        return Task.CompletedTask;
    }
}
