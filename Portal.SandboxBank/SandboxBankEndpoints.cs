using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Rails;

namespace Portal.SandboxBank;

/// <summary>
/// The sandbox bank's HTTP surface, the only way Portal reaches it: every request signed, every answer signed.
/// </summary>
public static class SandboxBankEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;
    private const int MaxRangeDays = 400;

    /// <summary>The problem code of a refused account opening: the number is taken by another kind of account or currency.</summary>
    public const string AccountInUseCode = "account_in_use";

    /// <summary>The problem code of a quote for a pair of currencies the bank has no rate for.</summary>
    public const string PairNotSupportedCode = "pair_not_supported";

    /// <summary>The problem code of a quote whose amount converts to nothing, or to more than can be stored.</summary>
    public const string AmountNotConvertibleCode = "amount_not_convertible";

    /// <summary>
    /// The most entries one ranged statement carries; a busier range answers with <c>complete: false</c>. Reconciling a
    /// day reads that day and one either side, so this holds three days of a merchant taking 10,000 payments a day
    /// and their refunds: at the old 20,000 such a merchant could not reconcile a single day.
    /// </summary>
    public const int MaxRangeEntries = 50_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly byte[] PingAnswer = """{"status":"ok"}"""u8.ToArray();

    /// <summary>The bank's routes under <c>/sandbox/bank/v1</c>; none when the bank is off (not added by AddSandboxBank).</summary>
    public static IEndpointRouteBuilder MapSandboxBankEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ServiceProvider.GetService(typeof(Bank)) is null)
        {
            return app;
        }
        var bank = app.MapGroup("/sandbox/bank/v1").WithTags("Sandbox bank").ExcludeFromDescription();
        bank.MapPost("/orders", SubmitOrderAsync);
        bank.MapGet("/orders/{orderId:guid}", GetOrderAsync);
        bank.MapPost("/quotes", SubmitQuoteAsync);
        bank.MapGet("/rates", GetRatesAsync);
        bank.MapPost("/accounts", OpenAccountAsync);
        bank.MapGet("/accounts/{number}/statement", GetStatementAsync);
        bank.MapGet("/ping", Ping);
        return app;
    }

    public static async Task<IResult> SubmitOrderAsync(HttpContext context, [AsParameters] SandboxBankServices services)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        var cancellationToken = context.RequestAborted;
        if (await ChaosAsync("order", services, cancellationToken) is { } unavailable)
        {
            return unavailable;
        }

        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is missing or too large.");
        }
        if (Refuse("order", services.Authenticator.Check(context.Request, body), services.Logger) is { } refused)
        {
            return refused;
        }

        BankOrderRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<BankOrderRequest>(body, Json);
        }
        catch (JsonException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a JSON order.");
        }
        if (!TryRead(request, out var instruction, out var errors))
        {
            return Results.ValidationProblem(errors, title: "The order is not well formed.");
        }
        if (context.Request.Headers[MessageSigner.NonceHeader] != instruction.OrderId.ToString() &&
            context.Request.Headers[MessageSigner.NonceHeader] != instruction.OrderId.ToString("N"))
        {
            services.Logger.RequestRefused("order", "nonce is not the order id");
            return Unauthorized("The nonce of an order is its order id.");
        }
        if (!services.Authenticator.TryRecord(context.Request))
        {
            services.Logger.RequestRefused("order", "replayed");
            return Unauthorized("The request was replayed.");
        }

        // From here on the order is the bank's: a client that hangs up does not stop it half way.
        var order = await services.Bank.ProcessAsync(instruction, CancellationToken.None);

        var options = services.Options.CurrentValue;
        if (options.LostResponseRate > 0 && Random.Shared.NextDouble() < options.LostResponseRate)
        {
            services.Logger.ChaosLostResponse(order.OrderId, options.LostResponseDelay);
            try
            {
                await Task.Delay(options.LostResponseDelay, services.Time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }
        return services.Authenticator.Signed(StatusCodes.Status200OK,
            JsonSerializer.SerializeToUtf8Bytes(BankOrderAnswer.From(order), Json), context.Request);
    }

    /// <summary>
    /// Quotes a payment in the payer's currency: 200 with the quote, 204 when the payer's account range holds the
    /// payment's currency or no range holds the number (nothing to convert), 422 <see cref="PairNotSupportedCode"/> or
    /// <see cref="AmountNotConvertibleCode"/>, 400 for a malformed body. Signed and replay-checked as an order, every
    /// answer signed. The payer's currency comes from the number's range only, so the answer says nothing about
    /// whether the account exists.
    /// </summary>
    public static async Task<IResult> SubmitQuoteAsync(HttpContext context, [AsParameters] SandboxBankServices services,
        FxDesk desk)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(desk);
        var cancellationToken = context.RequestAborted;
        if (await ChaosAsync("quote", services, cancellationToken) is { } unavailable)
        {
            return unavailable;
        }
        var (request, refused) = await ReadSignedJsonAsync<FxQuoteRequest>(context, services, "quote", "The body is not a JSON quote request.");
        if (refused is not null)
        {
            return refused;
        }
        var errors = new Dictionary<string, string[]>();
        if (!AccountNumber.TryParse(request?.PayerAccount, out var payer))
        {
            errors["payerAccount"] = ["An account number has 12 to 19 digits."];
        }
        if (!AccountNumber.TryParse(request?.MerchantAccount, out var merchant))
        {
            errors["merchantAccount"] = ["An account number has 12 to 19 digits."];
        }
        Money amount = default;
        if (!Domain.Common.Currency.TryFind(request?.Currency, out var currency))
        {
            errors["currency"] = ["The currency is not a supported ISO 4217 code."];
        }
        else if (!Money.TryParse(request?.Amount, currency, out amount) || !amount.IsPositive)
        {
            errors["amount"] = [$"The amount is more than zero, a decimal string with at most {currency.MinorUnits} decimals."];
        }
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The quote request is not well formed.");
        }

        (FxQuoteOutcome Outcome, Domain.CrossBorder.FxQuote? Quote) quoted;
        try
        {
            quoted = await desk.QuoteAsync(payer, merchant, amount, CancellationToken.None);
        }
        catch (DomainValidationException)
        {
            return services.Authenticator.Signed(StatusCodes.Status422UnprocessableEntity, ProblemBody(
                StatusCodes.Status422UnprocessableEntity, "The amount cannot be converted: it is too small or too large.",
                AmountNotConvertibleCode), context.Request, "application/problem+json");
        }
        return quoted.Outcome switch
        {
            FxQuoteOutcome.Quoted => services.Authenticator.Signed(StatusCodes.Status200OK,
                JsonSerializer.SerializeToUtf8Bytes(FxQuoteAnswer.From(quoted.Quote!, merchant.Value), Json), context.Request),
            FxQuoteOutcome.PairNotSupported => services.Authenticator.Signed(StatusCodes.Status422UnprocessableEntity,
                ProblemBody(StatusCodes.Status422UnprocessableEntity, "The bank does not convert between these currencies.",
                    PairNotSupportedCode), context.Request, "application/problem+json"),
            _ => services.Authenticator.Signed(StatusCodes.Status204NoContent, [], context.Request),
        };
    }

    /// <summary>The mid rates the bank publishes, a signed read like an order query.</summary>
    public static async Task<IResult> GetRatesAsync(HttpContext context, [AsParameters] SandboxBankServices services,
        FxDesk desk)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(desk);
        if (await AuthenticateReadAsync("rates", context, services) is { } refused)
        {
            return refused;
        }
        return services.Authenticator.Signed(StatusCodes.Status200OK,
            JsonSerializer.SerializeToUtf8Bytes(desk.PublishedRates(), Json), context.Request);
    }

    /// <summary>
    /// Opens a merchant's settlement account: 201 when opened, 200 when it is open already as asked (so a client may
    /// repeat the call), 409 with code <see cref="AccountInUseCode"/> when the number is another kind of account or holds
    /// another currency. Every answer signed. A sandbox convenience: a real acquirer opens accounts its own way.
    /// </summary>
    public static async Task<IResult> OpenAccountAsync(HttpContext context, [AsParameters] SandboxBankServices services,
        SandboxBankSeeder accounts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(accounts);
        var (request, refused) = await ReadSignedJsonAsync<BankAccountOpeningRequest>(context, services, "account opening",
            "The body is not a JSON account.");
        if (refused is not null)
        {
            return refused;
        }
        var errors = new Dictionary<string, string[]>();
        if (!AccountNumber.TryParse(request?.Number, out var number))
        {
            errors["number"] = ["An account number has 12 to 19 digits."];
        }
        if (string.IsNullOrWhiteSpace(request?.HolderName) || request.HolderName.Length > 200)
        {
            errors["holderName"] = ["A holder name of 1 to 200 characters is required."];
        }
        if (!Domain.Common.Currency.TryFind(request?.Currency, out var currency))
        {
            errors["currency"] = ["The currency is not a supported ISO 4217 code."];
        }
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The account is not well formed.");
        }

        var (account, opened) = await accounts.OpenMerchantAccountAsync(number, request!.HolderName!.Trim(), currency,
            CancellationToken.None);
        if (account.Kind != BankAccountKind.Merchant || account.CurrencyCode != currency.Code)
        {
            services.Logger.AccountOpeningRefused(AccountNumber.Mask(number.Value), currency.Code, account.Kind, account.CurrencyCode);
            return services.Authenticator.Signed(StatusCodes.Status409Conflict, ProblemBody(StatusCodes.Status409Conflict,
                "This account number is taken by another kind of account or currency.", AccountInUseCode),
                context.Request, "application/problem+json");
        }
        return services.Authenticator.Signed(opened ? StatusCodes.Status201Created : StatusCodes.Status200OK,
            JsonSerializer.SerializeToUtf8Bytes(BankAccountAnswer.From(account), Json), context.Request);
    }

    public static async Task<IResult> GetOrderAsync(Guid orderId, HttpContext context, [AsParameters] SandboxBankServices services)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        var cancellationToken = context.RequestAborted;
        if (await AuthenticateReadAsync("order query", context, services) is { } refused)
        {
            return refused;
        }

        var order = await services.Bank.FindOrderAsync(orderId, cancellationToken);
        // The 404 is signed too, with its status and path: "never received" lets Portal fail a payment for good, so it
        // must not be forgeable. It names the order, as every answer about an order does, and Portal checks that it does.
        return order is null
            ? services.Authenticator.Signed(StatusCodes.Status404NotFound, ProblemBody(StatusCodes.Status404NotFound,
                "The bank never received this order.", orderId: orderId), context.Request, "application/problem+json")
            : services.Authenticator.Signed(StatusCodes.Status200OK,
                JsonSerializer.SerializeToUtf8Bytes(BankOrderAnswer.From(order), Json), context.Request);
    }

    /// <summary>
    /// Whether the bank is there and signs as agreed: a signed request answered signed, touching no account, for
    /// Portal's readiness check. Neither the injected latency nor failures apply (they are about orders), and pings
    /// are not recorded against replays: a replayed ping learns and changes nothing, and recording every poll of a
    /// load balancer would only fill the replay guard.
    /// </summary>
    public static IResult Ping(HttpContext context, BankRequestAuthenticator authenticator, ILogger<Bank> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authenticator);
        return Refuse("ping", authenticator.Check(context.Request, []), logger) ??
               authenticator.Signed(StatusCodes.Status200OK, PingAnswer, context.Request);
    }

    public static async Task<IResult> GetStatementAsync(string number, HttpContext context, [AsParameters] SandboxBankServices services)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        if (await AuthenticateReadAsync("statement", context, services) is { } refused)
        {
            return refused;
        }

        if (!TryReadRange(context.Request.Query, out var since, out var until, out var errors))
        {
            return Results.ValidationProblem(errors, title: "The statement's range is not well formed.");
        }
        var statement = since is null
            ? await services.Bank.GetStatementAsync(number, cancellationToken: context.RequestAborted)
            : await services.Bank.GetStatementAsync(number, MaxRangeEntries, since, until, context.RequestAborted);
        return statement is null
            ? services.Authenticator.Signed(StatusCodes.Status404NotFound, ProblemBody(StatusCodes.Status404NotFound,
                "The bank has no such account."), context.Request, "application/problem+json")
            : services.Authenticator.Signed(StatusCodes.Status200OK,
                JsonSerializer.SerializeToUtf8Bytes(BankStatementAnswer.From(statement), Json), context.Request);
    }

    // A statement for a range: both ends as ISO 8601 instants, from before to, at most MaxRangeDays apart.
    private static bool TryReadRange(IQueryCollection query, out DateTimeOffset? since, out DateTimeOffset? until,
        out Dictionary<string, string[]> errors)
    {
        since = until = null;
        errors = [];
        string? from = query["from"], to = query["to"];
        if (from is null && to is null)
        {
            return true;
        }
        if (!DateTimeOffset.TryParse(from, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
        {
            errors["from"] = ["The start is an ISO 8601 instant, e.g. 2026-11-25T00:00:00Z."];
        }
        if (!DateTimeOffset.TryParse(to, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end))
        {
            errors["to"] = ["The end is an ISO 8601 instant, e.g. 2026-11-26T00:00:00Z."];
        }
        if (errors.Count == 0 && (end <= start || end - start > TimeSpan.FromDays(MaxRangeDays)))
        {
            errors["to"] = [$"The end comes after the start, at most {MaxRangeDays} days later."];
        }
        (since, until) = (start, end);
        return errors.Count == 0;
    }

    private static async Task<IResult?> AuthenticateReadAsync(string route, HttpContext context, SandboxBankServices services)
    {
        if (await ChaosAsync(route, services, context.RequestAborted) is { } unavailable)
        {
            return unavailable;
        }
        if (Refuse(route, services.Authenticator.Check(context.Request, []), services.Logger) is { } refused)
        {
            return refused;
        }
        if (!services.Authenticator.TryRecord(context.Request))
        {
            services.Logger.RequestRefused(route, "replayed");
            return Unauthorized("The request was replayed.");
        }
        return null;
    }

    private static async Task<IResult?> ChaosAsync(string route, SandboxBankServices services, CancellationToken cancellationToken)
    {
        var options = services.Options.CurrentValue;
        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, services.Time, cancellationToken);
        }
        if (options.FailureRate > 0 && Random.Shared.NextDouble() < options.FailureRate)
        {
            services.Logger.ChaosFailure(route);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The bank is unavailable. Nothing was processed.");
        }
        return null;
    }

    private static IResult? Refuse(string route, SignatureCheck check, ILogger logger)
    {
        if (check == SignatureCheck.Valid)
        {
            return null;
        }
        logger.RequestRefused(route, check.ToString());
        return Unauthorized(check switch
        {
            SignatureCheck.Stale => "The request's timestamp is outside the allowed clock skew.",
            SignatureCheck.BadSignature => "The request's signature does not match.",
            _ => "The request is not signed as the bank requires.",
        });
    }

    private static IResult Unauthorized(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated.", detail: detail);

    private static byte[] ProblemBody(int status, string title, string? code = null, Guid? orderId = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Type = status switch
            {
                StatusCodes.Status409Conflict => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
                StatusCodes.Status422UnprocessableEntity => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
                _ => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            },
        };
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }
        if (orderId is not null)
        {
            problem.Extensions["orderId"] = orderId;
        }
        return JsonSerializer.SerializeToUtf8Bytes(problem, Json);
    }

    private static bool TryRead(BankOrderRequest? request, out BankOrderInstruction instruction,
        out Dictionary<string, string[]> errors)
    {
        instruction = null!;
        errors = [];
        if (request is null)
        {
            errors["body"] = ["An order is required."];
            return false;
        }
        if (request.OrderId is not { } orderId || orderId == Guid.Empty)
        {
            errors["orderId"] = ["An order id is required."];
        }
        if (!Enum.TryParse<BankOrderKind>(request.Kind ?? nameof(BankOrderKind.Payment), ignoreCase: true, out var kind) ||
            !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
        {
            errors["kind"] = ["The kind is Payment or Refund."];
        }
        AccountNumber? payer = null;
        if (kind == BankOrderKind.Refund)
        {
            // A refund is paid to whoever paid the original order: the sender names the order, not an account.
            if (request.OriginalOrderId is not { } original || original == Guid.Empty)
            {
                errors["originalOrderId"] = ["A refund names the payment order it gives back."];
            }
        }
        else if (!AccountNumber.TryParse(request.PayerAccount, out payer))
        {
            errors["payerAccount"] = ["An account number has 12 to 19 digits."];
        }
        if (!AccountNumber.TryParse(request.MerchantAccount, out var merchant))
        {
            errors["merchantAccount"] = ["An account number has 12 to 19 digits."];
        }
        Pin? pin = null;
        if (kind == BankOrderKind.Payment && !Pin.TryParse(request.Pin, out pin))
        {
            errors["pin"] = ["A payment needs the payer's six-digit PIN."];
        }
        Money amount = default;
        if (!Domain.Common.Currency.TryFind(request.Currency, out var currency))
        {
            errors["currency"] = ["The currency is not a supported ISO 4217 code."];
        }
        else if (!Money.TryParse(request.Amount, currency, out amount))
        {
            errors["amount"] = [$"The amount is a decimal string with at most {currency.MinorUnits} decimals."];
        }
        if (string.IsNullOrWhiteSpace(request.Reference) || request.Reference.Length > 200)
        {
            errors["reference"] = ["A reference of 1 to 200 characters is required."];
        }
        var mode = BankOrderMode.RealTime;
        Uri? callback = null;
        if (request.Mode is null or "realtime")
        {
            // Real-time: nothing to call back.
        }
        else if (request.Mode == "fast")
        {
            mode = BankOrderMode.Fast;
            if (!Uri.TryCreate(request.CallbackUrl, UriKind.Absolute, out callback) ||
                callback.Scheme is not ("http" or "https") ||
                callback.AbsoluteUri.Length > Configurations.BankOrderConfiguration.MaxCallbackUrlLength)
            {
                errors["callbackUrl"] = ["A fast order needs an absolute http or https callback URL."];
            }
        }
        else
        {
            errors["mode"] = ["The mode is realtime or fast."];
        }
        var (quoteId, payerAmount) = ReadQuote(request, kind, currency, errors);
        if (errors.Count > 0)
        {
            return false;
        }
        instruction = new BankOrderInstruction(request.OrderId!.Value, kind,
            kind == BankOrderKind.Refund ? null : payer!.Value, merchant.Value, pin?.Value, amount, request.Reference!, mode,
            callback, kind == BankOrderKind.Refund ? request.OriginalOrderId : null, quoteId, payerAmount);
        return true;
    }

    // A cross-border payment's quote and what leaves the payer's account: all three fields or none. A refund carries
    // none: the bank returns the payer's currency at the payment's own rate.
    private static (string? QuoteId, Money? PayerAmount) ReadQuote(BankOrderRequest request, BankOrderKind kind,
        Domain.Common.Currency? currency, Dictionary<string, string[]> errors)
    {
        if (request.QuoteId is null && request.PayerAmount is null && request.PayerCurrency is null)
        {
            return (null, null);
        }
        if (kind == BankOrderKind.Refund)
        {
            errors["quoteId"] = ["A refund carries no quote: the bank returns the payer's currency at the payment's rate."];
            return (null, null);
        }
        if (string.IsNullOrWhiteSpace(request.QuoteId) || request.QuoteId.Length > Domain.CrossBorder.FxQuote.MaxQuoteIdLength)
        {
            errors["quoteId"] = [$"A payment at a quote names it: 1 to {Domain.CrossBorder.FxQuote.MaxQuoteIdLength} characters."];
        }
        Money payerAmount = default;
        if (!Domain.Common.Currency.TryFind(request.PayerCurrency, out var payerCurrency))
        {
            errors["payerCurrency"] = ["A payment at a quote names the payer's currency, a supported ISO 4217 code."];
        }
        else if (payerCurrency == currency)
        {
            errors["payerCurrency"] = ["A quote converts between two currencies; a payment in one needs none."];
        }
        else if (!Money.TryParse(request.PayerAmount, payerCurrency, out payerAmount) || !payerAmount.IsPositive)
        {
            errors["payerAmount"] =
                [$"A payment at a quote gives what the payer pays, more than zero with at most {payerCurrency.MinorUnits} decimals."];
        }
        return (request.QuoteId, payerAmount);
    }

    // A signed request that acts once: its body within the size limit, its signature, never seen before, then its JSON.
    // Either the request, or the answer that refuses it (the request null or not).
    private static async Task<(T? Request, IResult? Refused)> ReadSignedJsonAsync<T>(HttpContext context,
        SandboxBankServices services, string action, string notJsonTitle) where T : class
    {
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is missing or too large."));
        }
        if (Refuse(action, services.Authenticator.Check(context.Request, body), services.Logger) is { } refused)
        {
            return (null, refused);
        }
        if (!services.Authenticator.TryRecord(context.Request))
        {
            services.Logger.RequestRefused(action, "replayed");
            return (null, Unauthorized("The request was replayed."));
        }
        try
        {
            return (JsonSerializer.Deserialize<T>(body, Json), null);
        }
        catch (JsonException)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: notJsonTitle));
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
