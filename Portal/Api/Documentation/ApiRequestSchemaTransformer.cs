using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Portal.Api.Documentation;

/// <summary>
/// What each field of a request body means and which ones a client must send. The bodies are positional records read
/// by hand (so that a wrong type is a 400 naming the field), and the framework would call every field required.
/// Keyed by the body's type name, so the endpoints' files stay as they are.
/// </summary>
internal sealed class ApiRequestSchemaTransformer : IOpenApiSchemaTransformer
{
    private sealed record Body(string Description, string[] Required, Dictionary<string, string> Fields);

    private static readonly Dictionary<string, Body> Bodies = new(StringComparer.Ordinal)
    {
        ["CreateCheckoutRequest"] = new("A checkout to create: what the customer pays and where they go back to.",
            ["amount", "currency", "description"], new()
            {
                ["amount"] = "Decimal string with exactly the currency's minor digits, e.g. \"150.00\" (\"1500\" for JPY).",
                ["currency"] = "ISO 4217 code; the merchant's settlement currency, e.g. \"CNY\".",
                ["description"] = "What the customer pays for, shown on the checkout page.",
                ["reference"] = "Your own reference (an order number): returned with the checkout, its payments and webhooks; a list filter.",
                ["returnUrl"] = "Where the checkout page links back to after the payment (https, or http in Development).",
                ["expiresAt"] = "When the checkout stops taking payments (UTC). Defaults to the merchant's link lifetime.",
                ["methods"] = "Allowed methods: \"real_time\", \"fast\". Defaults to the merchant's setting.",
                ["metadata"] = "Up to 20 string pairs of your own (key ≤ 40, value ≤ 500 characters), returned as given.",
            }),
        ["CreateRefundRequest"] = new("A refund of a succeeded payment, in full or in part.", [], new()
        {
            ["amount"] = "Decimal string in the payment's currency, e.g. \"10.00\". Defaults to all that is still refundable.",
            ["reason"] = "Why: requested_by_customer (default), returned, not_delivered, duplicate, fraudulent or other.",
            ["note"] = "Free text for the merchant's staff, at most 500 characters; required when the reason is other.",
        }),
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (!Bodies.TryGetValue(context.JsonTypeInfo.Type.Name, out var body))
        {
            return Task.CompletedTask;
        }
        schema.Description ??= body.Description;
        schema.Required = new HashSet<string>(body.Required);
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (property is OpenApiSchema concrete && body.Fields.TryGetValue(name, out var description))
            {
                concrete.Description ??= description;
            }
        }
        return Task.CompletedTask;
    }
}
