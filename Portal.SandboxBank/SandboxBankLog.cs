using Microsoft.Extensions.Logging;

namespace Portal.SandboxBank;

/// <summary>The bank's log lines: ids, amounts and reason codes; accounts masked; never a PIN.</summary>
public static partial class SandboxBankLog
{
    [LoggerMessage(EventId = 7001, EventName = "BankOrderSettled", Level = LogLevel.Information,
        Message = "{Kind} order {OrderId} settled: {AmountMinorUnits} minor units of {Currency}")]
    public static partial void OrderSettled(this ILogger logger, BankOrderKind kind, Guid orderId, long amountMinorUnits, string currency);

    [LoggerMessage(EventId = 7002, EventName = "BankOrderRejected", Level = LogLevel.Information,
        Message = "{Kind} order {OrderId} rejected with {ReasonCode} (verified: {Verified})")]
    public static partial void OrderRejected(this ILogger logger, BankOrderKind kind, Guid orderId, string reasonCode, bool verified);

    [LoggerMessage(EventId = 7003, EventName = "BankDuplicateOrder", Level = LogLevel.Warning,
        Message = "Order {OrderId} was received again and refused as a duplicate")]
    public static partial void DuplicateOrder(this ILogger logger, Guid orderId);

    [LoggerMessage(EventId = 7004, EventName = "BankRequestRefused", Level = LogLevel.Warning,
        Message = "Refused a {Route} request: {Reason}")]
    public static partial void RequestRefused(this ILogger logger, string route, string reason);

    [LoggerMessage(EventId = 7005, EventName = "BankAccountLocked", Level = LogLevel.Warning,
        Message = "Account {Account} locked after too many wrong PINs")]
    public static partial void AccountLocked(this ILogger logger, string account);

    [LoggerMessage(EventId = 7006, EventName = "BankAccountOpened", Level = LogLevel.Information,
        Message = "{Kind} account {Account} opened with {BalanceMinorUnits} minor units of {Currency}")]
    public static partial void AccountOpened(this ILogger logger, BankAccountKind kind, string account, long balanceMinorUnits, string currency);

    [LoggerMessage(EventId = 7007, EventName = "BankChaosFailure", Level = LogLevel.Information,
        Message = "Chaos: answered a {Route} request with 503")]
    public static partial void ChaosFailure(this ILogger logger, string route);

    [LoggerMessage(EventId = 7008, EventName = "BankChaosLostResponse", Level = LogLevel.Information,
        Message = "Chaos: order {OrderId} is committed, its answer held back for {Delay}")]
    public static partial void ChaosLostResponse(this ILogger logger, Guid orderId, TimeSpan delay);

    [LoggerMessage(EventId = 7009, EventName = "BankOrderAccepted", Level = LogLevel.Information,
        Message = "Fast order {OrderId} accepted: {AmountMinorUnits} minor units of {Currency}, settles later")]
    public static partial void OrderAccepted(this ILogger logger, Guid orderId, long amountMinorUnits, string currency);

    [LoggerMessage(EventId = 7010, EventName = "BankChaosLostCallback", Level = LogLevel.Information,
        Message = "Chaos: fast order {OrderId} is settled, its callback never sent")]
    public static partial void ChaosLostCallback(this ILogger logger, Guid orderId);

    [LoggerMessage(EventId = 7011, EventName = "BankCallbackFailed", Level = LogLevel.Warning,
        Message = "Callback for order {OrderId} failed (attempt {Attempt}): {Reason}")]
    public static partial void CallbackFailed(this ILogger logger, Guid orderId, int attempt, string reason);

    [LoggerMessage(EventId = 7012, EventName = "BankCallbackAbandoned", Level = LogLevel.Warning,
        Message = "Gave up calling back for order {OrderId}; the sender must ask")]
    public static partial void CallbackAbandoned(this ILogger logger, Guid orderId);

    [LoggerMessage(EventId = 7013, EventName = "BankSettlementFailed", Level = LogLevel.Error,
        Message = "Settling fast order {OrderId} failed; trying again later")]
    public static partial void SettlementFailed(this ILogger logger, Exception exception, Guid orderId);

    [LoggerMessage(EventId = 7014, EventName = "BankListening", Level = LogLevel.Information,
        Message = "Sandbox bank listening on {Addresses}, database {Database}")]
    public static partial void Listening(this ILogger logger, string addresses, string database);

    [LoggerMessage(EventId = 7015, EventName = "BankAccountOpeningRefused", Level = LogLevel.Information,
        Message = "Opening merchant account {Account} in {Currency} refused: it is a {Kind} account in {ExistingCurrency}")]
    public static partial void AccountOpeningRefused(this ILogger logger, string account, string currency, BankAccountKind kind,
        string existingCurrency);

    [LoggerMessage(EventId = 7016, EventName = "BankQuoted", Level = LogLevel.Information,
        Message = "Quote {QuoteId}: {AmountMinorUnits} minor units of {Currency} for {PayerTotalMinorUnits} minor units of {PayerCurrency}")]
    public static partial void Quoted(this ILogger logger, string quoteId, long amountMinorUnits, string currency,
        long payerTotalMinorUnits, string payerCurrency);

    [LoggerMessage(EventId = 7017, EventName = "BankQuotePairNotSupported", Level = LogLevel.Information,
        Message = "No quote from {PayerCurrency} to {Currency}: the bank has no rate for the pair")]
    public static partial void QuotePairNotSupported(this ILogger logger, string payerCurrency, string currency);
}
