using System.Text.Json.Serialization;
using DemoShop.Catalog;

namespace DemoShop.Orders;

/// <summary>
/// One customer's order. It becomes <see cref="OrderStatus.Paid"/> only from a signed Portal webhook, never from the
/// customer coming back to the return URL: anyone can open that address.
/// </summary>
public sealed class Order
{
    [JsonConstructor]
    private Order()
    {
    }

    [JsonInclude] public Guid Id { get; private set; }

    /// <summary>What the customer and Portal call the order: the checkout's <c>reference</c>.</summary>
    [JsonInclude] public string Number { get; private set; } = "";

    [JsonInclude] public string ProductId { get; private set; } = "";

    [JsonInclude] public string ProductName { get; private set; } = "";

    [JsonInclude] public decimal Amount { get; private set; }

    [JsonInclude] public string Currency { get; private set; } = "";

    [JsonInclude] public DateTimeOffset CreatedAt { get; private set; }

    [JsonInclude] public OrderStatus Status { get; private set; }

    [JsonInclude] public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>Every Portal checkout made for this order, oldest first; webhooks about any other are not this order's.</summary>
    [JsonInclude] public List<Guid> CheckoutIds { get; private set; } = [];

    [JsonInclude] public Uri? CheckoutUrl { get; private set; }

    [JsonInclude] public DateTimeOffset? CheckoutExpiresAt { get; private set; }

    /// <summary>Why the last payment attempt failed, in Portal's customer-readable words; cleared once paid.</summary>
    [JsonInclude] public string? LastFailure { get; private set; }

    /// <summary>Bumped when what the customer must know changes (paid, attempt failed), so a waiting order page shows it.</summary>
    [JsonInclude] public int Revision { get; private set; }

    public bool IsPaid => Status == OrderStatus.Paid;

    /// <summary>
    /// The Idempotency-Key of the next checkout: derived from the order, so a retried or double-clicked "Pay" gets the
    /// same checkout back from Portal instead of a second one. A new key only once a checkout was made and expired.
    /// </summary>
    public string CheckoutIdempotencyKey => $"demo-shop-order-{Id:N}-checkout-{CheckoutIds.Count + 1}";

    public static Order Place(string number, Product product, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Number = number,
        ProductId = product.Id,
        ProductName = product.Name,
        Amount = product.Price,
        Currency = product.Currency,
        CreatedAt = now,
        Status = OrderStatus.AwaitingPayment,
    };

    /// <summary>The checkout to send the customer to, while it can still be paid (with a minute to spare for typing).</summary>
    public Uri? OpenCheckoutUrl(DateTimeOffset now) =>
        CheckoutUrl is not null && CheckoutExpiresAt > now + TimeSpan.FromMinutes(1) ? CheckoutUrl : null;

    public void AttachCheckout(Guid checkoutId, Uri url, DateTimeOffset expiresAt)
    {
        if (CheckoutIds.Contains(checkoutId))
        {
            return;
        }
        // No new revision: the customer is on the way to Portal, and a waiting order page must not reload over that.
        CheckoutIds.Add(checkoutId);
        CheckoutUrl = url;
        CheckoutExpiresAt = expiresAt;
    }

    /// <summary>
    /// Marks the order paid when Portal says one of its checkouts was paid with exactly the order's amount; false when
    /// the event is not about this order (or it was already paid).
    /// </summary>
    public bool MarkPaid(Guid checkoutId, decimal amount, string currency, DateTimeOffset now)
    {
        if (IsPaid || !CheckoutIds.Contains(checkoutId) || amount != Amount || currency != Currency)
        {
            return false;
        }
        Status = OrderStatus.Paid;
        PaidAt = now;
        LastFailure = null;
        Revision++;
        return true;
    }

    /// <summary>Notes a failed attempt; the customer may try again on the same checkout while it is open.</summary>
    public bool RecordFailedAttempt(Guid checkoutId, string reason)
    {
        if (IsPaid || !CheckoutIds.Contains(checkoutId))
        {
            return false;
        }
        LastFailure = reason;
        Revision++;
        return true;
    }
}
