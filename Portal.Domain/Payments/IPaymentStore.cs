using Portal.Domain.Checkouts;
using Portal.Domain.Merchants;
using Portal.Domain.Refunds;

namespace Portal.Domain.Payments;

/// <summary>
/// One unit of work over checkouts and payments: what it loads it tracks, and <see cref="SaveChangesAsync"/> writes
/// every change at once, or throws <see cref="Common.ConcurrencyConflictException"/> when another writer got there first.
/// </summary>
public interface IPaymentStore : IAsyncDisposable
{
    Task<Merchant?> FindMerchantAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The merchant whose store QR code carries this token, if its store code is on.</summary>
    Task<Merchant?> FindMerchantByStoreTokenAsync(string storeToken, CancellationToken cancellationToken = default);

    Task<Checkout?> FindCheckoutAsync(Guid id, CancellationToken cancellationToken = default);

    Task<Checkout?> FindCheckoutByTokenAsync(string token, CancellationToken cancellationToken = default);

    Task<Payment?> FindPaymentAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>A payment with the checkout it pays, in one read: every step after the first changes both.</summary>
    Task<PaymentAndCheckout?> FindPaymentAndCheckoutAsync(Guid paymentId, CancellationToken cancellationToken = default);

    /// <summary>Payments with their checkouts, in one read, for results recorded together; unknown ids are left out.</summary>
    Task<IReadOnlyList<PaymentAndCheckout>> FindPaymentsAndCheckoutsAsync(IReadOnlyCollection<Guid> paymentIds,
        CancellationToken cancellationToken = default);

    /// <summary>Payments whose order was created before <paramref name="before"/> and whose outcome Portal does not know yet.</summary>
    Task<IReadOnlyList<Guid>> FindUnfinishedPaymentsAsync(DateTimeOffset before, int max, CancellationToken cancellationToken = default);

    /// <summary>Fast payments whose QR code expired unapproved before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<Guid>> FindExpiredCodesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Open checkouts past their expiry that no payment holds.</summary>
    Task<IReadOnlyList<Guid>> FindExpiredCheckoutsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    Task<Refund?> FindRefundAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The refund a merchant's earlier request with this idempotency key created, if any.</summary>
    Task<Refund?> FindRefundByKeyAsync(Guid merchantId, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// The sum, in minor units, of the refunds a staff member or API key (<paramref name="requestedById"/>) of a merchant
    /// asked for at or after <paramref name="since"/> and that went through without a second approver (approved at once
    /// as within the threshold), unless they failed.
    /// </summary>
    Task<long> SumRefundsApprovedAtOnceSinceAsync(Guid merchantId, string requestedById, DateTimeOffset since,
        CancellationToken cancellationToken = default);

    /// <summary>Refunds sent before <paramref name="before"/> (or created and never sent) whose outcome Portal does not know yet.</summary>
    Task<IReadOnlyList<Guid>> FindUnfinishedRefundsAsync(DateTimeOffset before, int max, CancellationToken cancellationToken = default);

    void Add(Checkout checkout);

    void Add(Refund refund);

    void Add(Payment payment);

    Task SaveChangesAsync(CancellationToken cancellationToken = default);
}
