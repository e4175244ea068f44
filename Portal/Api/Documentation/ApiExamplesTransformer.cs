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
    // An answer with more than one case to show (a payment in one currency and one paid from another) lists them by
    // name; OpenAPI allows either one example or named ones, never both.
    private sealed record Example(JsonNode? Request, string Status, JsonNode Response, IReadOnlyList<(string Name, string Summary, JsonNode Value)>? Cases = null);

    private static readonly Dictionary<string, Func<Example>> Examples = new(StringComparer.Ordinal)
    {
        ["GET api/v1/key"] = () => new(null, "200", ApiExamples.Key),
        ["POST api/v1/checkouts"] = () => new(ApiExamples.CreateCheckoutRequest, "201", ApiExamples.Checkout),
        ["GET api/v1/checkouts"] = () => new(null, "200", ApiExamples.CheckoutList),
        ["GET api/v1/checkouts/{}"] = () => new(null, "200", ApiExamples.Checkout),
        ["POST api/v1/checkouts/{}/reopen"] = () => new(null, "200", ApiExamples.Checkout),
        ["GET api/v1/payments"] = () => new(null, "200", ApiExamples.PaymentList),
        ["GET api/v1/payments/{}"] = () => new(null, "200", ApiExamples.Payment, PaymentCases),
        ["POST api/v1/payments/{}/refunds"] = () => new(ApiExamples.CreateRefundRequest, "201", ApiExamples.Refund, RefundCases),
        ["GET api/v1/refunds/{}"] = () => new(null, "200", ApiExamples.Refund, RefundCases),
    };

    private static IReadOnlyList<(string, string, JsonNode)> PaymentCases =>
    [
        ("sameCurrency", "A payer in the checkout's currency", ApiExamples.Payment),
        ("crossBorder", "A payer in another currency: `conversion` holds what they paid, the fee and the rate they confirmed", ApiExamples.CrossBorderPayment),
    ];

    private static IReadOnlyList<(string, string, JsonNode)> RefundCases =>
    [
        ("sameCurrency", "A refund of a payment in one currency", ApiExamples.Refund),
        ("crossBorder", "A refund of a cross-border payment: `payerAmount` is the payer's share in their currency, at the payment's rate", ApiExamples.CrossBorderRefund),
    ];

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
            if (example.Cases is { } cases)
            {
                media.Examples = cases.ToDictionary(c => c.Name,
                    c => (IOpenApiExample)new OpenApiExample { Summary = c.Summary, Value = c.Value }, StringComparer.Ordinal);
            }
            else
            {
                media.Example = example.Response;
            }
        }
        return Task.CompletedTask;
    }
}
