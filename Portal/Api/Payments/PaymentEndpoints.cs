using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Api.Keys;
using Portal.Api.Lists;
using Portal.Api.Resources;
using Portal.Domain.Payments;

namespace Portal.Api.Payments;

public static class PaymentEndpoints
{
    /// <summary><c>/api/v1/payments</c>: list and get with their seven steps, with the <c>payments:read</c> scope.</summary>
    public static RouteGroupBuilder MapPaymentEndpoints(this RouteGroupBuilder api)
    {
        var payments = api.MapGroup("/payments")
            .RequireAuthorization(ApiPolicies.PaymentsRead)
            .WithTags("Payments")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        payments.MapGet("/{id:guid}", GetAsync)
            .WithName("GetPayment")
            .WithSummary("Get a payment")
            .WithDescription("The payment with its seven steps (method chosen, details captured, reserved, order sent, " +
                "verified, payee processed, notified), each with its time once reached, and why it failed if it did.");

        payments.MapGet("/", ListAsync)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("ListPayments")
            .WithSummary("List payments")
            .WithDescription("Newest first, filtered by status, method, checkout and time; limit per page (1–100, default 20); " +
                "pass nextCursor as cursor for the next page.");
        return api;
    }

    private static async Task<Results<Ok<PaymentResource>, ProblemHttpResult>> GetAsync(Guid id, HttpContext context,
        PaymentApiQueries queries, CancellationToken cancellationToken)
    {
        var payment = await queries.FindAsync(ApiCaller.Of(context).MerchantId, id, cancellationToken);
        return payment is null ? ApiProblems.NotFound("Payment") : TypedResults.Ok(payment);
    }

    private static async Task<Results<Ok<ListResource<PaymentResource>>, ProblemHttpResult>> ListAsync(
        [AsParameters] PaymentListParameters query, HttpContext context, PaymentApiQueries queries, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var status = ListQuery.Enum<PaymentStatus>(query.Status, "status", errors);
        var method = ListQuery.Enum<PaymentMethod>(query.Method, "method", errors);
        Guid? checkoutId = null;
        if (query.CheckoutId is not null)
        {
            if (Guid.TryParse(query.CheckoutId, out var parsed))
            {
                checkoutId = parsed;
            }
            else
            {
                errors["checkoutId"] = ["checkoutId must be a checkout's id."];
            }
        }
        var page = ListQuery.Read(query.Limit, query.Cursor, query.CreatedFrom, query.CreatedTo, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors, "The query has invalid parameters.");
        }
        var filter = new PaymentListFilter(status, method, checkoutId, page);
        return TypedResults.Ok(await queries.ListAsync(ApiCaller.Of(context).MerchantId, filter, cancellationToken));
    }
}
