using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Portal.Api.Documentation;

/// <summary>
/// The error answers an operation can give, as problem details with an example each: 401 and 429 everywhere, 403 where
/// a scope is needed, 404 where the route names an object, and for every POST the idempotency and validation answers.
/// It also documents the <c>Idempotency-Key</c> header every POST requires, unless the endpoint declares it itself.
/// </summary>
internal sealed class ApiProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var isPost = string.Equals(description.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase);
        var document = context.Document;
        operation.Responses ??= [];

        Add(operation, document, 401, "No key, or a malformed, unknown or revoked key.",
            ApiExamples.Problem(401, ApiErrorCodes.Unauthorized, "The API key has been revoked."));
        if (ApiSecurityTransformer.ScopesOf(context).Count > 0)
        {
            Add(operation, document, 403, "The key lacks the scope this operation needs.",
                ApiExamples.Problem(403, ApiErrorCodes.InsufficientScope, "This API key does not have the scope this request needs."));
        }
        if (ApiOperationKey.HasRouteValues(description))
        {
            Add(operation, document, 404, "No such object for this key's merchant (another merchant's ids answer the same).",
                ApiExamples.Problem(404, ApiErrorCodes.NotFound, "Payment was not found."));
        }
        if (isPost)
        {
            AddIdempotencyKeyHeader(operation);
            Add(operation, document, 400, "The Idempotency-Key header is missing or too long, or the body is not JSON.",
                ApiExamples.Problem(400, ApiErrorCodes.IdempotencyKeyRequired,
                    "Send an Idempotency-Key header of 1 to 255 characters (a new UUID per operation), so that a retry cannot act twice."));
            Add(operation, document, 409, "A request with the same Idempotency-Key is still in flight, or the object changed meanwhile.",
                ApiExamples.Problem(409, ApiErrorCodes.IdempotencyKeyInFlight,
                    "A request with this Idempotency-Key is still being processed. Retry in a moment."));
            Add(operation, document, 422, "Invalid fields (see `errors`), a refused operation, or an Idempotency-Key reused with another body.",
                ApiExamples.Problem(422, ApiErrorCodes.ValidationFailed, "The request has invalid fields.",
                    new Dictionary<string, string[]> { ["amount"] = ["The amount must be greater than zero."] }));
        }
        Add(operation, document, 429, "This key sent more requests than its rate limit allows; retry after `Retry-After` seconds.",
            ApiExamples.Problem(429, ApiErrorCodes.RateLimited, "Too many requests for this API key. Retry after 1 s."),
            retryAfter: true);
        // Any other error the endpoint declared itself (a list's invalid filter, say) gets the same shape and an example.
        foreach (var (key, response) in operation.Responses.ToList())
        {
            if (int.TryParse(key, out var status) && status >= 400 &&
                response.Content?.Values.Any(m => m.Schema is OpenApiSchemaReference { Reference.Id: ApiDocumentTransformer.ProblemSchemaName }) != true)
            {
                Add(operation, document, status, status == 422 ? "A filter, `limit` or `cursor` is invalid (see `errors`)." : "",
                    status == 422
                        ? ApiExamples.Problem(422, ApiErrorCodes.ValidationFailed, "The query has invalid parameters.",
                            new Dictionary<string, string[]> { ["limit"] = ["limit is a whole number from 1 to 100."] })
                        : ApiExamples.Problem(status, ApiErrorCodes.ForStatus(status), ReasonPhrases.GetReasonPhrase(status)));
            }
        }
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiDocument? document, int status, string description, JsonNode example,
        bool retryAfter = false)
    {
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new()
                {
                    Schema = new OpenApiSchemaReference(ApiDocumentTransformer.ProblemSchemaName, document),
                    Example = example,
                },
            },
        };
        if (retryAfter)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before the key's next request is accepted.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                },
            };
        }
        // An endpoint's own declaration of the status (ProducesProblem, say) is kept in words and given the shape.
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var declared) && !string.IsNullOrWhiteSpace(declared.Description) &&
            (declared.Description != ReasonPhrases.GetReasonPhrase(status) || string.IsNullOrEmpty(description)))
        {
            response.Description = declared.Description;
        }
        operation.Responses[key] = response;
    }

    private static void AddIdempotencyKeyHeader(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => string.Equals(p.Name, IdempotencyKeyHeader, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeyHeader,
            In = ParameterLocation.Header,
            Required = true,
            Description = "Your unique key for this request (e.g. a UUID or your order number). A retry with the same key and " +
                "body replays the first answer and never acts twice; keys are kept 24 hours.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
            Example = JsonValue.Create("order-1001"),
        });
    }
}
