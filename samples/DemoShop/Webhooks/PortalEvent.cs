using System.Globalization;
using System.Text.Json;

namespace DemoShop.Webhooks;

/// <summary>
/// The parts of a Portal event the shop reads: <c>{ "id", "type", "data": checkout or payment }</c>. Both a checkout
/// and a payment carry the merchant <c>reference</c> (the order number); a payment names its checkout in <c>checkoutId</c>.
/// </summary>
public sealed record PortalEvent(string Id, string Type, string? Reference, Guid? CheckoutId, decimal? Amount, string? Currency, string? FailureMessage)
{
    public const string CheckoutCompleted = "checkout.completed";
    public const string PaymentSucceeded = "payment.succeeded";
    public const string PaymentFailed = "payment.failed";

    /// <summary>The event in <paramref name="json"/>, or null when it is not shaped like one.</summary>
    public static PortalEvent? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "id") is not { Length: > 0 } id || Text(root, "type") is not { } type)
            {
                return null;
            }
            var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
            if (data.ValueKind != JsonValueKind.Object)
            {
                return new PortalEvent(id, type, null, null, null, null, null);
            }
            // A checkout is its own checkout; a payment points at the checkout it paid.
            var checkoutId = Text(data, type == CheckoutCompleted ? "id" : "checkoutId");
            var amount = Text(data, "amount");
            var failure = data.TryGetProperty("failure", out var f) && f.ValueKind == JsonValueKind.Object ? Text(f, "message") : null;
            return new PortalEvent(
                id,
                type,
                Text(data, "reference"),
                Guid.TryParse(checkoutId, out var checkout) ? checkout : null,
                decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null,
                Text(data, "currency"),
                failure);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
