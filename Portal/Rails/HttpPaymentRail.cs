using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.CrossBorder;
using Portal.Domain.Payments;
using Portal.Domain.Rails;

namespace Portal.Rails;

/// <summary>
/// <see cref="IPaymentRail"/> over signed HTTP, the way Portal talks to the sandbox bank or a real acquirer.
/// Whenever the answer is missing, unsigned or not understood, it throws <see cref="RailUnavailableException"/>:
/// the order may or may not have been processed, and only a later query can tell.
/// </summary>
public sealed class HttpPaymentRail(HttpClient http, RailAddress address, IOptions<RailOptions> options, TimeProvider time)
    : IPaymentRail, ISettlementAccountOpener
{
    /// <summary>The problem code with which the sandbox bank refuses an account number taken by another kind or currency.</summary>
    public const string AccountInUseCode = "account_in_use";

    private const string OrdersPath = "sandbox/bank/v1/orders";
    private const string AccountsPath = "sandbox/bank/v1/accounts";
    private const string PingPath = "sandbox/bank/v1/ping";
    private const string QuotesPath = "sandbox/bank/v1/quotes";

    /// <summary>The problem code with which the FX provider refuses a pair it does not convert.</summary>
    public const string PairNotSupportedCode = "pair_not_supported";

    /// <summary>The problem code with which the FX provider refuses an amount that converts to nothing or too much.</summary>
    public const string AmountNotConvertibleCode = "amount_not_convertible";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly MessageSigner _signer = options.Value.CreateSigner();

    public Task<RailResult> SubmitAsync(PaymentOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var fast = order.Method == PaymentMethod.Fast;
        return SendOrderAsync(new RailOrderMessage(order.OrderId, "Payment", order.PayerAccount.Value,
            order.MerchantAccount.Value, order.Pin.Value, order.Amount.ToAmountString(), order.Amount.Currency.Code,
            order.Reference, fast ? RailOrderMessage.FastMode : RailOrderMessage.RealTimeMode,
            fast ? address.PaymentCallback.AbsoluteUri : null, null, order.Quote?.QuoteId, order.Quote?.PayerTotal.ToAmountString(),
            order.Quote?.PayerCurrency.Code), cancellationToken);
    }

    public async Task<FxQuote?> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(new RailQuoteMessage(request.PayerAccount.Value,
            request.MerchantAccount.Value, request.Amount.ToAmountString(), request.Amount.Currency.Code), Json);
        using var message = new HttpRequestMessage(HttpMethod.Post, address.Resolve(QuotesPath))
        {
            Content = new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var (status, answer, check) = await SendAsync(message, Guid.NewGuid().ToString("N"), body, cancellationToken);
        if (status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented)
        {
            // A rail without an FX provider converts nothing: every payer pays in the amount's currency, and an account
            // in another one is refused by the rail at the order. A forged "not supported" can only do the same.
            return null;
        }
        if (status is not (HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.UnprocessableEntity))
        {
            throw new RailUnavailableException($"The rail answered {(int)status} to a quote request.");
        }
        if (check != SignatureCheck.Valid)
        {
            throw new RailUnavailableException($"The rail's quote is not signed for this request ({check}).");
        }
        return status switch
        {
            HttpStatusCode.NoContent => null,
            HttpStatusCode.UnprocessableEntity => throw ProblemCode(answer) switch
            {
                PairNotSupportedCode => new DomainValidationException("Account", "Payments from accounts in this currency cannot be taken here."),
                AmountNotConvertibleCode => new DomainValidationException("Account", "This amount cannot be paid from an account in another currency."),
                _ => new RailUnavailableException("The rail's refusal of a quote is not understood."),
            },
            _ => ReadQuote(answer, request),
        };
    }

    public Task<RailResult> SubmitRefundAsync(RefundOrder refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var fast = refund.Method == PaymentMethod.Fast;
        return SendOrderAsync(new RailOrderMessage(refund.OrderId, "Refund", null,
            refund.MerchantAccount.Value, null, refund.Amount.ToAmountString(), refund.Amount.Currency.Code,
            refund.Reference, fast ? RailOrderMessage.FastMode : RailOrderMessage.RealTimeMode,
            fast ? address.RefundCallback.AbsoluteUri : null, refund.OriginalOrderId), cancellationToken);
    }

    public async Task<RailResult?> QueryAsync(Guid orderId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address.Resolve($"{OrdersPath}/{orderId}"));
        var (status, body) = await SendSignedAsync(request, Guid.NewGuid().ToString("N"), [], cancellationToken);
        if (status == HttpStatusCode.NotFound)
        {
            // "Never received" fails the payment for good: it must be signed as a 404 to this very query (checked in
            // SendSignedAsync) and name the order asked about, or it is no verdict at all.
            return NeverReceived(body, orderId)
                ? null
                : throw new RailUnavailableException($"The rail's 'never received' is not about order {orderId}.");
        }
        return ToResult(ReadAnswer(body, orderId));
    }

    public async Task<RailStatement?> GetStatementAsync(AccountNumber account, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var path = $"{AccountsPath}/{Uri.EscapeDataString(account.Value)}/statement?from={Instant(from)}&to={Instant(to)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, address.Resolve(path));
        var (status, body) = await SendSignedAsync(request, Guid.NewGuid().ToString("N"), [], cancellationToken);
        if (status == HttpStatusCode.NotFound)
        {
            return null;
        }
        return ReadStatement(body, account, from, to);
    }

    /// <summary>
    /// Whether the rail is reachable now and signs its answers as agreed: a signed GET of its ping, whose answer must be
    /// signed for this very request. Throws <see cref="RailUnavailableException"/> saying what was wrong.
    /// </summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address.Resolve(PingPath));
        var (status, _) = await SendSignedAsync(request, Guid.NewGuid().ToString("N"), [], cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            throw new RailUnavailableException($"The rail answered {(int)status} to a ping.");
        }
    }

    /// <summary>
    /// Asks the rail to open a merchant's settlement account (the sandbox bank's <c>POST accounts</c>), signed as orders
    /// are. A rail without that route (404, 405 or 501, signed or not) does not open accounts: a forged "not supported"
    /// can only make Portal record the number without opening it, as it does with a real acquirer.
    /// </summary>
    public async Task<SettlementAccountOpening> OpenSettlementAccountAsync(AccountNumber account, string holderName,
        Currency currency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(holderName);
        var body = JsonSerializer.SerializeToUtf8Bytes(new RailAccountMessage(account.Value, holderName, currency.Code), Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, address.Resolve(AccountsPath))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var nonce = Guid.NewGuid().ToString("N");
        var (status, answer, check) = await SendAsync(request, nonce, body, cancellationToken);
        if (status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented)
        {
            return SettlementAccountOpening.NotSupported;
        }
        if (status is not (HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Conflict))
        {
            throw new RailUnavailableException($"The rail answered {(int)status} to opening an account.");
        }
        if (check != SignatureCheck.Valid)
        {
            throw new RailUnavailableException($"The rail's answer is not signed for this request ({check}).");
        }
        if (status == HttpStatusCode.Conflict)
        {
            return ProblemCode(answer) == AccountInUseCode
                ? SettlementAccountOpening.Refused
                : throw new RailUnavailableException("The rail's refusal to open the account is not understood.");
        }
        RailAccountAnswer? opened;
        try
        {
            opened = JsonSerializer.Deserialize<RailAccountAnswer>(answer, Json);
        }
        catch (JsonException e)
        {
            throw new RailUnavailableException("The rail's answer about the account is not understood.", e);
        }
        if (opened is null || opened.Number != account.Value || opened.Currency != currency.Code)
        {
            throw new RailUnavailableException("The rail's answer is not about the account asked for.");
        }
        return status == HttpStatusCode.Created ? SettlementAccountOpening.Opened : SettlementAccountOpening.AlreadyOpen;
    }

    private async Task<RailResult> SendOrderAsync(RailOrderMessage message, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, address.Resolve(OrdersPath))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var (status, answerBody) = await SendSignedAsync(request, message.OrderId.ToString(), body, cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            throw new RailUnavailableException($"The rail answered {(int)status} to order {message.OrderId}.");
        }

        var answer = ReadAnswer(answerBody, message.OrderId);
        if (answer.ReasonCode == FailureReason.Duplicate.Code)
        {
            // The rail already holds an order under this id. Its refusal of this copy says nothing about the first,
            // which may have settled: report what the rail decided for the order id, never the duplicate's refusal.
            return await QueryAsync(message.OrderId, cancellationToken) ??
                   throw new RailUnavailableException($"The rail called order {message.OrderId} a duplicate but does not know it.");
        }
        return ToResult(answer);
    }

    private async Task<(HttpStatusCode Status, byte[] Body)> SendSignedAsync(HttpRequestMessage request, string nonce,
        byte[] body, CancellationToken cancellationToken)
    {
        var (status, answer, check) = await SendAsync(request, nonce, body, cancellationToken);
        if (status is not (HttpStatusCode.OK or HttpStatusCode.NotFound))
        {
            throw new RailUnavailableException($"The rail answered {(int)status}.");
        }
        if (check != SignatureCheck.Valid)
        {
            throw new RailUnavailableException($"The rail's answer is not signed for this request ({check}).");
        }
        return (status, answer);
    }

    // Signs the request and reads the answer; whether the answer is signed for this very request (its nonce) is the
    // caller's to weigh with the status. Throws only when no answer came.
    private async Task<(HttpStatusCode Status, byte[] Body, SignatureCheck Check)> SendAsync(HttpRequestMessage request,
        string nonce, byte[] body, CancellationToken cancellationToken)
    {
        var timestamp = MessageSigner.FormatTimestamp(time.GetUtcNow());
        request.Headers.Add(MessageSigner.TimestampHeader, timestamp);
        request.Headers.Add(MessageSigner.NonceHeader, nonce);
        // Signed over the target exactly as HttpClient writes it on the request line (Uri.PathAndQuery).
        request.Headers.Add(MessageSigner.SignatureHeader,
            _signer.Sign(MessageScope.Request(request.Method.Method, request.RequestUri!.PathAndQuery), timestamp, nonce, body));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            // The answer is signed with its status and this request's method and target: a 200 turned into a 404, or
            // another request's answer put in its place, fails here.
            var scope = MessageScope.Answer((int)response.StatusCode, request.Method.Method, request.RequestUri!.PathAndQuery);
            var check = _signer.Verify(scope, Header(response, MessageSigner.TimestampHeader),
                Header(response, MessageSigner.NonceHeader), Header(response, MessageSigner.SignatureHeader), answer,
                time.GetUtcNow(), options.Value.ClockTolerance);
            if (check == SignatureCheck.Valid && Header(response, MessageSigner.NonceHeader) != nonce)
            {
                check = SignatureCheck.BadSignature;
            }
            return (response.StatusCode, answer, check);
        }
        catch (HttpRequestException e)
        {
            throw new RailUnavailableException("The rail could not be reached.", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RailUnavailableException("The rail did not answer in time.", e);
        }
    }

    private static bool NeverReceived(byte[] body, Guid orderId)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.ValueKind == JsonValueKind.Object &&
                   problem.RootElement.TryGetProperty("orderId", out var named) && named.ValueKind == JsonValueKind.String &&
                   named.TryGetGuid(out var id) && id == orderId;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? ProblemCode(byte[] body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.ValueKind == JsonValueKind.Object &&
                   problem.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The quote must be for the amount and merchant asked about, and obey the conversion rule digit for digit; what
    // the payer is shown is then exactly what the rail will take.
    private static FxQuote ReadQuote(byte[] body, QuoteRequest request)
    {
        RailQuoteAnswer? answer;
        try
        {
            answer = JsonSerializer.Deserialize<RailQuoteAnswer>(body, Json);
        }
        catch (JsonException e)
        {
            throw new RailUnavailableException("The rail's quote is not understood.", e);
        }
        if (answer is null || answer.MerchantAccount != request.MerchantAccount.Value || answer.Currency != request.Amount.Currency.Code ||
            answer.Amount != request.Amount.ToAmountString() || !Currency.TryFind(answer.PayerCurrency, out var payerCurrency) ||
            !Money.TryParse(answer.PayerAmount, payerCurrency, out var payerAmount) || !Money.TryParse(answer.Fee, payerCurrency, out var fee) ||
            !decimal.TryParse(answer.Rate, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) ||
            answer.QuoteId is null || answer.QuotedAt is not { } quotedAt || answer.ExpiresAt is not { } expiresAt)
        {
            throw new RailUnavailableException("The rail's quote is not the one asked for.");
        }
        try
        {
            return FxQuote.Create(answer.QuoteId, request.Amount, payerAmount, fee, rate, quotedAt, expiresAt);
        }
        catch (DomainValidationException e)
        {
            throw new RailUnavailableException("The rail's quote does not hold together.", e);
        }
    }

    // UTC with a Z, so that no '+' needs escaping in the query string.
    private static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    // Both the query and the answer are signed; the echoed account and range say once more that this is the statement asked for.
    private static RailStatement ReadStatement(byte[] body, AccountNumber account, DateTimeOffset from, DateTimeOffset to)
    {
        RailStatementAnswer? answer;
        try
        {
            answer = JsonSerializer.Deserialize<RailStatementAnswer>(body, Json);
        }
        catch (JsonException e)
        {
            throw new RailUnavailableException("The rail's statement is not understood.", e);
        }
        if (answer is null || answer.Account != account.Value || answer.Since != from || answer.Until != to ||
            !Currency.TryFind(answer.Currency, out var currency) || !Money.TryParse(answer.Balance, currency, out var balance) ||
            answer.Entries is null)
        {
            throw new RailUnavailableException("The rail's statement is not the one asked for.");
        }
        var lines = new List<RailStatementLine>(answer.Entries.Count);
        foreach (var entry in answer.Entries)
        {
            if (string.IsNullOrEmpty(entry.Reference) || !Money.TryParse(entry.Amount, currency, out var amount))
            {
                throw new RailUnavailableException("A line of the rail's statement is not understood.");
            }
            lines.Add(new RailStatementLine(entry.TransactionId, entry.Reference, entry.PostedAt, amount));
        }
        return new RailStatement(account, balance, from, to, answer.Complete, lines);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static RailOrderAnswer ReadAnswer(byte[] body, Guid orderId)
    {
        var answer = ReadAnswer(body);
        if (answer.OrderId != orderId)
        {
            throw new RailUnavailableException($"The rail's answer is not about order {orderId}.");
        }
        return answer;
    }

    /// <summary>
    /// The rail's answer as a result, shared by answers, queries and callbacks; throws
    /// <see cref="RailUnavailableException"/> when it is not understood.
    /// </summary>
    /// <summary>Reads an answer's JSON; throws <see cref="RailUnavailableException"/> when it is not an answer.</summary>
    internal static RailOrderAnswer ReadAnswer(ReadOnlySpan<byte> body)
    {
        RailOrderAnswer? answer;
        try
        {
            answer = JsonSerializer.Deserialize<RailOrderAnswer>(body, Json);
        }
        catch (JsonException e)
        {
            throw new RailUnavailableException("The rail's answer is not understood.", e);
        }
        return answer is null || answer.OrderId == Guid.Empty
            ? throw new RailUnavailableException("The rail's answer names no order.")
            : answer;
    }

    internal static RailResult ToResult(RailOrderAnswer answer)
    {
        if (!Enum.TryParse<RailOrderStatus>(answer.Status, ignoreCase: false, out var status) || !Enum.IsDefined(status) ||
            (status == RailOrderStatus.Rejected && string.IsNullOrEmpty(answer.ReasonCode)))
        {
            throw new RailUnavailableException($"The rail's answer about order {answer.OrderId} is not understood.");
        }
        var failure = status == RailOrderStatus.Rejected ? FailureReason.FromCode(answer.ReasonCode!, answer.ReasonMessage) : null;
        Money? payerAmount = null;
        if (answer.PayerCurrency is not null)
        {
            payerAmount = Currency.TryFind(answer.PayerCurrency, out var currency) && Money.TryParse(answer.PayerAmount, currency, out var amount)
                ? amount
                : throw new RailUnavailableException($"The rail's payer amount for order {answer.OrderId} is not understood.");
        }
        return new RailResult(answer.OrderId, status, failure, answer.VerifiedAt, answer.ProcessedAt, answer.RailReference, payerAmount);
    }
}
