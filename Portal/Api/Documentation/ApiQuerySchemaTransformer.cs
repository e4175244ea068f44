using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Portal.Api.Lists;
using Portal.Domain.Checkouts;
using Portal.Domain.Payments;

namespace Portal.Api.Documentation;

/// <summary>
/// The list endpoints bind their query as text and read it by hand (<see cref="ListQuery"/>), so that a bad value is a
/// 422 naming the parameter with a <c>code</c>, not the framework's bare 400; the framework then documents every one as
/// a string. This says what each really is, so a generated client gets integers, enums, UUIDs and date-times.
/// </summary>
internal sealed class ApiQuerySchemaTransformer : IOpenApiOperationTransformer
{
    // The same meaning wherever the name appears.
    private static readonly Dictionary<string, Func<OpenApiSchema>> Shared = new(StringComparer.OrdinalIgnoreCase)
    {
        ["limit"] = () => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = "1",
            Maximum = ListQuery.MaxLimit.ToString(CultureInfo.InvariantCulture),
            Default = JsonValue.Create(ListQuery.DefaultLimit),
        },
        ["cursor"] = () => new OpenApiSchema { Type = JsonSchemaType.String },
        ["createdFrom"] = () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        ["createdTo"] = () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        ["checkoutId"] = () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
        ["reference"] = () => new OpenApiSchema { Type = JsonSchemaType.String },
    };

    // A name whose values depend on the list: each list's status is its own enum. Keyed by the route below /api/v1.
    private static readonly Dictionary<string, Dictionary<string, Func<OpenApiSchema>>> ByList = new(StringComparer.OrdinalIgnoreCase)
    {
        ["checkouts"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["status"] = () => EnumOf(ListQuery.NamesOf<CheckoutStatus>()),
        },
        ["payments"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["status"] = () => EnumOf(ListQuery.NamesOf<PaymentStatus>()),
            ["method"] = () => EnumOf(ListQuery.NamesOf<PaymentMethod>()),
        },
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var list = ListOf(context.Description.RelativePath);
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In != ParameterLocation.Query || parameter.Name is not { } name)
            {
                continue;
            }
            if (list is not null && ByList.TryGetValue(list, out var own) && own.TryGetValue(name, out var schema))
            {
                parameter.Schema = schema();
            }
            else if (Shared.TryGetValue(name, out var shared))
            {
                parameter.Schema = shared();
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema EnumOf(IReadOnlyList<string> names) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. names.Select(n => (JsonNode)JsonValue.Create(n))],
    };

    // "api/v1/payments" and "api/v1/payments/" are the payments list; a route with more segments is no list.
    private static string? ListOf(string? relativePath)
    {
        var prefix = ApiExtensions.BasePath.TrimStart('/') + "/";
        if (relativePath is null || !relativePath.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = relativePath[prefix.Length..].TrimEnd('/');
        return rest.Contains('/', StringComparison.Ordinal) ? null : rest;
    }
}
