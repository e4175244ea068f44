using Portal.Domain.Common;
using Portal.Domain.CrossBorder;

namespace Portal.Domain.Rails;

/// <summary>
/// The payee's side: a bank or acquirer that verifies and processes payment orders. Portal's only way to move
/// money. The sandbox bank implements it over signed HTTP; a real acquirer can take its place.
/// </summary>
public interface IPaymentRail
{
    /// <summary>
    /// Sends an order (step 4) and returns the rail's answer (steps 5 and 6, or Accepted for a rail that confirms later).
    /// Throws <see cref="RailUnavailableException"/> when the outcome is unknown (timeout, connection lost): the
    /// caller must not guess, and asks <see cref="QueryAsync"/> later.
    /// </summary>
    Task<RailResult> SubmitAsync(PaymentOrder order, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a refund order of an earlier payment; answers and failures as <see cref="SubmitAsync"/>. The rail checks
    /// the original order and never refunds more than it paid.
    /// </summary>
    Task<RailResult> SubmitRefundAsync(RefundOrder refund, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks the rail's FX provider for a quote (cross-border step 3): null when the payer's account needs no conversion
    /// (its currency is the amount's). Throws <see cref="DomainValidationException"/> when the provider does not convert
    /// between the two currencies or the amount cannot be converted, and <see cref="RailUnavailableException"/> when it
    /// cannot answer. A quote moves nothing; an order that carries its id is settled at exactly its amounts, or refused.
    /// </summary>
    Task<FxQuote?> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken = default);

    /// <summary>What the rail knows of an order (a payment's or a refund's); null when it never received it.</summary>
    Task<RailResult?> QueryAsync(Guid orderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The movements the rail booked on a settlement account from <paramref name="from"/> (inclusive) to
    /// <paramref name="to"/> (exclusive), for reconciliation; null when the rail has no such account. Throws
    /// <see cref="RailUnavailableException"/> when it cannot answer.
    /// </summary>
    Task<RailStatement?> GetStatementAsync(AccountNumber account, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken = default);
}
