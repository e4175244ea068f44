using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Api.Idempotency;
using Portal.Api.Keys;
using Portal.Api.Resources;
using Portal.Domain.Common;
using Portal.Domain.Refunds;

namespace Portal.Api.Refunds;

public static class RefundEndpoints
{
    /// <summary>The longest key <see cref="RefundFlow"/> keeps; a longer API key goes down as its hash.</summary>
    private const int FlowKeyMaxLength = 100;

    private static readonly Dictionary<string, string> FieldNames = new()
    {
        [nameof(Refund.Amount)] = "amount",
        [nameof(Refund.Note)] = "note",
        [nameof(Refund.Reason)] = "reason",
        [nameof(Refund.Status)] = "payment",
        [nameof(RefundRequest.IdempotencyKey)] = IdempotencyFilter.HeaderName,
    };

    /// <summary>
    /// <c>POST /api/v1/payments/{id}/refunds</c> (idempotent) and <c>GET /api/v1/refunds/{id}</c>, with the
    /// <c>refunds:write</c> scope. Refunds go through the same <see cref="RefundFlow"/> as the admin portal's.
    /// </summary>
    public static RouteGroupBuilder MapRefundEndpoints(this RouteGroupBuilder api)
    {
        var refunds = api.MapGroup("/")
            .RequireAuthorization(ApiPolicies.RefundsWrite)
            .WithTags("Refunds")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        refunds.MapPost("/payments/{id:guid}/refunds", CreateAsync)
            .WithIdempotency()
            .Accepts<CreateRefundRequest>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("CreateRefund")
            .WithSummary("Refund a payment")
            .WithDescription("Gives back part or all of a succeeded payment (all that is left when amount is omitted). " +
                "Above the merchant's approval threshold the refund waits for an owner (status pending_approval). " +
                "More than is still refundable is refused with 422. Requires an Idempotency-Key header.");

        refunds.MapGet("/refunds/{id:guid}", GetAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetRefund")
            .WithSummary("Get a refund")
            .WithDescription("The refund with its seven steps and, if it failed, why.");
        return api;
    }

    private static async Task<Results<Created<RefundResource>, ProblemHttpResult>> CreateAsync(Guid id, HttpContext context,
        RefundFlow flow)
    {
        var caller = ApiCaller.Of(context);
        var (body, problem) = await ApiRequestBody.TryReadAsync<CreateRefundRequest>(context, "amount");
        if (problem is not null)
        {
            return problem;
        }
        if (body!.Amount is { } amount &&
            !decimal.TryParse(amount, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return ApiProblems.Validation("amount", "amount must be a decimal string with a point and no exponent, such as \"10.00\".");
        }
        var request = new RefundRequest(body.Amount, body.Reason ?? RefundReason.RequestedByCustomer, body.Note,
            FlowKey(context.Request.Headers[IdempotencyFilter.HeaderName]!));
        RefundSnapshot refund;
        try
        {
            // Not the request's token: a refund half sent must finish, whether or not the client waits for it.
            refund = await flow.RequestAsync(caller.AsActor(), id, request, CancellationToken.None);
        }
        catch (DomainValidationException ex)
        {
            return ApiProblems.Validation(ApiProblems.Rename(ex.Errors, FieldNames));
        }
        catch (NotFoundException)
        {
            return ApiProblems.NotFound("Payment");
        }
        return TypedResults.Created($"{ApiExtensions.BasePath}/refunds/{refund.RefundId}", RefundResource.From(refund));
    }

    private static async Task<Results<Ok<RefundResource>, ProblemHttpResult>> GetAsync(Guid id, HttpContext context,
        RefundApiQueries queries, CancellationToken cancellationToken)
    {
        var refund = await queries.FindAsync(ApiCaller.Of(context).MerchantId, id, cancellationToken);
        return refund is null ? ApiProblems.NotFound("Refund") : TypedResults.Ok(refund);
    }

    /// <summary>
    /// The API's Idempotency-Key goes down to the flow, whose own key makes a refund happen once even after the API's
    /// record is purged. Keys longer than the flow keeps go as their hash.
    /// </summary>
    private static string FlowKey(string key) =>
        key.Length <= FlowKeyMaxLength ? key : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
