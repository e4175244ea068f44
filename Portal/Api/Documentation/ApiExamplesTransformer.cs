using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Portal.Api.Documentation;

/// <summary>
/// Request and answer examples per operation, keyed by method and route rather than written into each endpoint, so the
/// endpoints stay about what they do and the examples live in one place.
/// </summary>
internal sealed class ApiExamplesTransformer : IOpenApiOperationTransformer
{
    private sealed record Example(JsonNode? Request, string Status, JsonNode Response);

    private static readonly Dictionary<string, Func<Example>> Examples = new(StringComparer.Ordinal)
    {
        ["GET api/v1/key"] = () => new(null, "200", ApiExamples.Key),
        ["POST api/v1/checkouts"] = () => new(ApiExamples.CreateCheckoutRequest, "201", ApiExamples.Checkout),
        ["GET api/v1/checkouts"] = () => new(null, "200", ApiExamples.CheckoutList),
        ["GET api/v1/checkouts/{}"] = () => new(null, "200", ApiExamples.Checkout),
        ["POST api/v1/checkouts/{}/reopen"] = () => new(null, "200", ApiExamples.Checkout),
        ["GET api/v1/payments"] = () => new(null, "200", ApiExamples.PaymentList),
        ["GET api/v1/payments/{}"] = () => new(null, "200", ApiExamples.Payment),
        ["POST api/v1/payments/{}/refunds"] = () => new(ApiExamples.CreateRefundRequest, "201", ApiExamples.Refund),
        ["GET api/v1/refunds/{}"] = () => new(null, "200", ApiExamples.Refund),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!Examples.TryGetValue(ApiOperationKey.Of(context.Description), out var make))
        {
            return Task.CompletedTask;
        }
        var example = make();
        if (example.Request is not null && operation.RequestBody?.Content is { } requestContent)
        {
            foreach (var media in requestContent.Values)
            {
                media.Example = example.Request;
            }
        }
        operation.Responses ??= [];
        if (!operation.Responses.TryGetValue(example.Status, out var response))
        {
            response = new OpenApiResponse { Description = example.Status == "201" ? "Created" : "OK" };
            operation.Responses[example.Status] = response;
        }
        if (response is OpenApiResponse concrete)
        {
            concrete.Content ??= new Dictionary<string, OpenApiMediaType>();
            if (concrete.Content.Count == 0)
            {
                concrete.Content["application/json"] = new OpenApiMediaType();
            }
        }
        foreach (var media in response.Content?.Values ?? [])
        {
            media.Example = example.Response;
        }
        return Task.CompletedTask;
    }
}
