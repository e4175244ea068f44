using Portal.Domain.Payments;

namespace Portal.Api.Checkouts;

/// <summary>
/// The body of <c>POST /api/v1/checkouts</c>. The amount is a decimal string in the currency ("150.00"); expiry and
/// methods default to the merchant's settings for new links.
/// </summary>
/// <param name="Amount">Decimal string with at most the currency's decimals, e.g. "150.00".</param>
/// <param name="Currency">ISO 4217 code; the merchant's settlement currency.</param>
/// <param name="Description">What the customer pays for, shown on the payment page (1 to 200 characters).</param>
/// <param name="Reference">The shop's own order number (at most 64 characters).</param>
/// <param name="ReturnUrl">Where the customer goes back to after paying (absolute http or https).</param>
/// <param name="ExpiresAt">When the checkout stops taking payments (UTC); default: the merchant's link lifetime.</param>
/// <param name="Methods">"real_time" and/or "fast"; default: the merchant's methods.</param>
/// <param name="Metadata">Up to 20 keys (40 characters) with text values (500 characters), returned untouched.</param>
public sealed record CreateCheckoutRequest(
    string? Amount,
    string? Currency,
    string? Description,
    string? Reference,
    string? ReturnUrl,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<PaymentMethod>? Methods,
    Dictionary<string, string>? Metadata);
