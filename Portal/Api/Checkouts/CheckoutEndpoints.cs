using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Addresses;
using Portal.Api.Idempotency;
using Portal.Api.Keys;
using Portal.Api.Lists;
using Portal.Api.Resources;
using Portal.Audit;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Api.Checkouts;

public static class CheckoutEndpoints
{
    // The domain names fields as C# does; the API as its JSON does.
    private static readonly Dictionary<string, string> FieldNames = new()
    {
        [nameof(CheckoutRequest.Amount)] = "amount",
        [nameof(CheckoutRequest.CurrencyCode)] = "currency",
        [nameof(CheckoutRequest.Description)] = "description",
        [nameof(CheckoutRequest.MerchantReference)] = "reference",
        [nameof(CheckoutRequest.ReturnUrl)] = "returnUrl",
        [nameof(CheckoutRequest.ExpiresAt)] = "expiresAt",
        [nameof(CheckoutRequest.AllowedMethods)] = "methods",
        [nameof(CheckoutRequest.Metadata)] = "metadata",
    };

    /// <summary><c>/api/v1/checkouts</c>: create (idempotent), get, list and reopen, with the <c>checkouts:write</c> scope.</summary>
    public static RouteGroupBuilder MapCheckoutEndpoints(this RouteGroupBuilder api)
    {
        var checkouts = api.MapGroup("/checkouts")
            .RequireAuthorization(ApiPolicies.CheckoutsWrite)
            .WithTags("Checkouts")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        checkouts.MapPost("/", CreateAsync)
            .WithIdempotency()
            .Accepts<CreateCheckoutRequest>("application/json")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("CreateCheckout")
            .WithSummary("Create a checkout")
            .WithDescription("A payment page for one amount, at the returned url (and as a QR code at qrCodeUrl). " +
                "Send the customer there; the checkout.completed webhook or GET /checkouts/{id} tells when it is paid. " +
                "Requires an Idempotency-Key header: a retry with the same key and body returns the first answer.");

        checkouts.MapGet("/{id:guid}", GetAsync)
            .WithName("GetCheckout")
            .WithSummary("Get a checkout")
            .WithDescription("The checkout with its status (open, paid, expired, cancelled) and, once paid, the payment's id.");

        checkouts.MapPost("/{id:guid}/reopen", ReopenAsync)
            .WithIdempotency()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReopenCheckout")
            .WithSummary("Reopen a locked checkout")
            .WithDescription("A checkout locks (locked: true) after ten refused PINs for real accounts. Reopening starts the " +
                "count again so the customer can pay. Only an open, locked checkout can be reopened: any other is refused with 409. " +
                "Requires an Idempotency-Key header.");

        checkouts.MapGet("/", ListAsync)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("ListCheckouts")
            .WithSummary("List checkouts")
            .WithDescription("Newest first, limit per page (1–100, default 20); pass nextCursor as cursor for the next page.");
        return api;
    }

    private static async Task<Results<Created<CheckoutResource>, ProblemHttpResult>> CreateAsync(HttpContext context,
        CheckoutLifecycle checkouts, CheckoutApiQueries queries, PublicAddresses addresses, IAuditLog audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);
        var (body, problem) = await ApiRequestBody.TryReadAsync<CreateCheckoutRequest>(context, "amount");
        if (problem is not null)
        {
            return problem;
        }
        var errors = new Dictionary<string, string[]>();
        var amount = 0m;
        if (string.IsNullOrEmpty(body!.Amount))
        {
            errors["amount"] = ["amount is required, as a decimal string such as \"150.00\"."];
        }
        else if (!decimal.TryParse(body.Amount, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out amount))
        {
            errors["amount"] = ["amount must be a decimal string with a point and no exponent, such as \"150.00\"."];
        }
        if (string.IsNullOrWhiteSpace(body.Currency))
        {
            errors["currency"] = ["currency is required: the ISO 4217 code, such as \"CNY\"."];
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var defaults = await queries.FindDefaultsAsync(caller.MerchantId, cancellationToken);
        var now = time.GetUtcNow();
        var methods = body.Methods is null
            ? defaults.Methods
            : body.Methods.Aggregate(PaymentMethods.None, (all, m) => all | (m == PaymentMethod.RealTime ? PaymentMethods.RealTime : PaymentMethods.Fast));
        var request = new CheckoutRequest(amount, body.Currency!, body.Description ?? "", body.ExpiresAt ?? now + defaults.Lifetime,
            body.Reference, body.ReturnUrl, methods, body.Metadata);
        var actor = caller.AsActor();
        Checkout checkout;
        try
        {
            // Not the request's token: once the key is claimed the work finishes even if the client hangs up, so that
            // its retry finds the answer instead of a released key and a checkout made twice.
            checkout = await checkouts.CreateCheckoutAsync(caller.MerchantId, request, actor.Name, CancellationToken.None);
        }
        catch (DomainValidationException ex)
        {
            return ApiProblems.Validation(ApiProblems.Rename(ex.Errors, FieldNames));
        }
        await audit.RecordAsync(new AuditRecord(caller.MerchantId, null, actor.Name, AuditActions.LinkCreated,
            $"Created checkout \"{checkout.Description}\" for {checkout.Amount.Format(CultureInfo.InvariantCulture)} through the API",
            "Checkout", checkout.Id.ToString(), new { amount = checkout.Amount.ToString(), checkout.ExpiresAt, checkout.MerchantReference }),
            CancellationToken.None);
        return TypedResults.Created($"{ApiExtensions.BasePath}/checkouts/{checkout.Id}", CheckoutResource.From(checkout, addresses.Default, now));
    }

    private static async Task<Results<Ok<CheckoutResource>, ProblemHttpResult>> ReopenAsync(Guid id, HttpContext context,
        CheckoutLifecycle checkouts, PublicAddresses addresses, IAuditLog audit, TimeProvider time)
    {
        var caller = ApiCaller.Of(context);
        var actor = caller.AsActor();
        Checkout checkout;
        try
        {
            // Not the request's token: once the key is claimed the change finishes, so a retry finds the answer.
            checkout = await checkouts.ReopenCheckoutAsync(actor, id, CancellationToken.None);
        }
        catch (NotFoundException)
        {
            return ApiProblems.NotFound("Checkout");
        }
        catch (InvalidTransitionException)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict,
                "Only an open checkout that too many refused PINs locked can be reopened; this one is not locked.", ApiErrorCodes.Conflict);
        }
        catch (ConcurrencyConflictException)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "The checkout changed meanwhile. Read it again and retry.",
                ApiErrorCodes.Conflict);
        }
        await audit.RecordAsync(new AuditRecord(caller.MerchantId, null, actor.Name, AuditActions.LinkReopened,
            $"Reopened checkout \"{checkout.Description}\" ({checkout.Amount.Format(CultureInfo.InvariantCulture)}) through the API after too many refused PINs",
            "Checkout", checkout.Id.ToString()), CancellationToken.None);
        return TypedResults.Ok(CheckoutResource.From(checkout, addresses.Default, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<CheckoutResource>, ProblemHttpResult>> GetAsync(Guid id, HttpContext context,
        CheckoutApiQueries queries, CancellationToken cancellationToken)
    {
        var checkout = await queries.FindAsync(ApiCaller.Of(context).MerchantId, id, cancellationToken);
        return checkout is null ? ApiProblems.NotFound("Checkout") : TypedResults.Ok(checkout);
    }

    private static async Task<Results<Ok<ListResource<CheckoutResource>>, ProblemHttpResult>> ListAsync(
        [AsParameters] CheckoutListParameters query, HttpContext context, CheckoutApiQueries queries, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var status = ListQuery.Enum<CheckoutStatus>(query.Status, "status", errors);
        var page = ListQuery.Read(query.Limit, query.Cursor, query.CreatedFrom, query.CreatedTo, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors, "The query has invalid parameters.");
        }
        var filter = new CheckoutListFilter(status, string.IsNullOrEmpty(query.Reference) ? null : query.Reference, page);
        return TypedResults.Ok(await queries.ListAsync(ApiCaller.Of(context).MerchantId, filter, cancellationToken));
    }
}
