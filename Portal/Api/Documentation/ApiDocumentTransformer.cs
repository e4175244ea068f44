using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Portal.Api.Keys;

namespace Portal.Api.Documentation;

/// <summary>
/// What applies to the whole API: its description (keys, idempotency, errors, lists, limits), the Bearer scheme the
/// operations refer to, and the problem schema every error response points at.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SecuritySchemeName = ApiKeyDefaults.Scheme;
    public const string ProblemSchemaName = "Problem";

    private const string Description = """
        Create checkouts from your shop's server, send the customer to the checkout's `url`, and read payments and
        refunds with their seven steps. Everything here is also sent to your webhook endpoints as events.

        **Keys.** An owner creates API keys in the admin portal (*API keys*), choosing their scopes. Send one as
        `Authorization: Bearer psk_…`. A key sees only its own merchant: another merchant's ids answer 404.

        **Idempotency.** Every POST needs an `Idempotency-Key` header (1–255 characters, e.g. a UUID or your order
        number). Repeating a request with the same key and body replays the first answer (`Idempotent-Replayed: true`)
        and never acts twice; the same key with another body is refused (`idempotency_key_reused`). Keys are kept 24 hours.

        **Money and time.** Amounts are decimal strings with the currency's minor digits (`"150.00"`, `"1500"` for JPY)
        beside an ISO 4217 `currency`; times are UTC ISO 8601.

        **Payers in another currency.** A payment whose payer's account is in another currency carries `conversion`:
        what left the payer's account (`payerAmount`, fee included) in `payerCurrency`, the `fee`, the `rate` they
        confirmed (payer-currency units for one unit of the payment's currency, six significant digits) and the FX
        `quoteId`. Amounts and `currency` stay the merchant's. A refund of such a payment carries `payerAmount` and
        `payerCurrency`: the payer's proportional share at the payment's rate, rounded down, so a full refund returns
        exactly what they paid.

        **Lists** answer `{ "object": "list", "data": [...], "hasMore": true, "nextCursor": "…" }`, newest first;
        pass `nextCursor` back as `cursor` for the next page (`limit` 1–100, default 20).

        **Errors** are RFC 7807 problem details with a stable `code` and, for invalid fields, an `errors` map.

        **Limits.** Each key has a token bucket (`Api:Burst` requests, refilled at `Api:RequestsPerSecond`); beyond it
        the answer is 429 with `Retry-After`.
        """;

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Portal merchant API",
            Version = ApiDocumentationExtensions.DocumentName,
            Description = Description,
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "psk_…",
            Description = "An API key from the admin portal (API keys), sent as `Authorization: Bearer psk_…`. " +
                "Each operation names the scope it needs: `checkouts:write`, `payments:read` or `refunds:write`.",
        };
        var problem = await context.GetOrCreateSchemaAsync(typeof(ApiProblem), null, cancellationToken);
        document.AddComponent(ProblemSchemaName, problem);
        // The framework's own problem schemas, from the endpoints' ProducesProblem: every error response now points at
        // Problem instead (see ApiProblemResponsesTransformer), so they would only be listed, unused, among the models.
        document.Components.Schemas?.Remove("ProblemDetails");
        document.Components.Schemas?.Remove("HttpValidationProblemDetails");
        // The reference's sidebar in the order a shop integrates: checkouts first, the key check last.
        if (document.Tags is { Count: > 1 } tags)
        {
            string[] order = ["Checkouts", "Payments", "Refunds", "Keys"];
            document.Tags = new HashSet<OpenApiTag>(tags.OrderBy(t => Array.IndexOf(order, t.Name) is var i and >= 0 ? i : order.Length));
        }
    }
}
