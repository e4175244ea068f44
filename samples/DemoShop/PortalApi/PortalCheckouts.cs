using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DemoShop.Orders;

namespace DemoShop.PortalApi;

/// <summary>
/// Creates checkouts through Portal's API (<c>POST /api/v1/checkouts</c>) for the shop's orders. The HttpClient is
/// configured in <see cref="PortalApiExtensions"/> with Portal's address and the API key.
/// </summary>
public sealed class PortalCheckouts(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<CreatedCheckout> CreateAsync(Order order, Uri returnUrl, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/checkouts")
        {
            Content = JsonContent.Create(new
            {
                // Amounts travel as decimal strings, never as JSON numbers.
                amount = order.Amount.ToString("0.00", CultureInfo.InvariantCulture),
                currency = order.Currency,
                description = $"Order {order.Number}: {order.ProductName}",
                reference = order.Number,
                returnUrl = returnUrl.AbsoluteUri,
                metadata = new Dictionary<string, string> { ["orderId"] = order.Id.ToString() },
            }, options: Json),
        };
        request.Headers.Add("Idempotency-Key", order.CheckoutIdempotencyKey);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new PortalApiException($"Portal cannot be reached at {http.BaseAddress}. Is it running?", e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new PortalApiException(await DescribeProblemAsync(response, cancellationToken));
            }
            return await response.Content.ReadFromJsonAsync<CreatedCheckout>(Json, cancellationToken)
                ?? throw new PortalApiException("Portal answered without a checkout.");
        }
    }

    // Portal answers errors as RFC 7807 problem details with a stable "code".
    private static async Task<string> DescribeProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = problem.RootElement;
            var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
            var code = root.TryGetProperty("code", out var c) ? c.GetString() : null;
            return $"Portal refused the checkout ({status}{(code is null ? "" : ", " + code)}): {title ?? response.ReasonPhrase}";
        }
        catch (JsonException)
        {
            return $"Portal refused the checkout ({status} {response.ReasonPhrase}).";
        }
    }
}
