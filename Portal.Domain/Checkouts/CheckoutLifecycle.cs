using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;

namespace Portal.Domain.Checkouts;

/// <summary>
/// A checkout's life apart from its payments: created by a merchant (a payment link, an API checkout) or by a customer
/// at the merchant's store code, switched off and reopened by staff, closed when its time is up. The checkout decides
/// each change; this loads it, passes the clock and saves.
/// </summary>
public sealed class CheckoutLifecycle(IPaymentStoreFactory stores, TimeProvider time)
{
    public async Task<Checkout> CreateCheckoutAsync(Guid merchantId, CheckoutRequest request, string? createdBy,
        CancellationToken cancellationToken = default)
    {
        await using var store = stores.Open();
        var merchant = await store.FindMerchantAsync(merchantId, cancellationToken) ?? throw new NotFoundException("Merchant");
        var checkout = Checkout.Create(merchant, request, time.GetUtcNow(), createdBy);
        store.Add(checkout);
        await store.SaveChangesAsync(cancellationToken);
        return checkout;
    }

    /// <summary>
    /// A customer typed an amount after scanning the merchant's store QR code: a one-time checkout for it, which the
    /// customer then pays at <c>/pay/{token}</c> like any other. An unknown or switched-off store code is not found.
    /// </summary>
    public async Task<Checkout> CreateStoreCheckoutAsync(string storeToken, decimal amount, CancellationToken cancellationToken = default)
    {
        await using var store = stores.Open();
        var merchant = await store.FindMerchantByStoreTokenAsync(storeToken, cancellationToken) ?? throw new NotFoundException("Store code");
        var checkout = Checkout.CreateAtStore(merchant, amount, time.GetUtcNow());
        store.Add(checkout);
        await store.SaveChangesAsync(cancellationToken);
        return checkout;
    }

    /// <summary>Staff stop a payment link taking payments; the checkout decides whether it may (<see cref="Checkout.Deactivate"/>).</summary>
    public Task<Checkout> DeactivateCheckoutAsync(StaffActor actor, Guid checkoutId, CancellationToken cancellationToken = default) =>
        ChangeByStaffAsync(actor, checkoutId, (checkout, now) => checkout.Deactivate(actor, now), cancellationToken);

    /// <summary>Staff reopen a link that refused PINs locked; the checkout decides whether it may (<see cref="Checkout.Reopen"/>).</summary>
    public Task<Checkout> ReopenCheckoutAsync(StaffActor actor, Guid checkoutId, CancellationToken cancellationToken = default) =>
        ChangeByStaffAsync(actor, checkoutId, (checkout, now) => checkout.Reopen(actor, now), cancellationToken);

    /// <summary>Closes an open checkout whose time is up, unless a payment holds it.</summary>
    public async Task<bool> CloseExpiredCheckoutAsync(Guid checkoutId, CancellationToken cancellationToken = default)
    {
        await using var store = stores.Open();
        var checkout = await store.FindCheckoutAsync(checkoutId, cancellationToken);
        if (checkout is null || !checkout.CloseIfExpired(time.GetUtcNow()))
        {
            return false;
        }
        try
        {
            await store.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }

    private async Task<Checkout> ChangeByStaffAsync(StaffActor actor, Guid checkoutId, Action<Checkout, DateTimeOffset> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var store = stores.Open();
        var checkout = await store.FindCheckoutAsync(checkoutId, cancellationToken) ?? throw new NotFoundException("Payment link");
        change(checkout, time.GetUtcNow());
        await store.SaveChangesAsync(cancellationToken);
        return checkout;
    }
}
