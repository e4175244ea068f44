using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Api;

/// <summary>Requests as a shop's server sends them: raw JSON bodies, an Idempotency-Key per operation.</summary>
internal static class ApiCalls
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, string? idempotencyKey = "new")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey == "new" ? Guid.NewGuid().ToString() : idempotencyKey);
        }
        return await client.SendAsync(request);
    }

    /// <summary>A valid checkout body; <paramref name="reference"/> tells a test's checkouts from the others.</summary>
    public static string CheckoutJson(string reference, string amount = "\"150.00\"", string currency = "\"CNY\"",
        string? extra = null) =>
        $$"""{"amount": {{amount}}, "currency": {{currency}}, "description": "Order {{reference}}", "reference": "{{reference}}"{{(extra is null ? "" : ", " + extra)}}}""";

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>A new checkout of the key's merchant, created through the API; returns its JSON.</summary>
    public static async Task<JsonElement> CreateCheckoutAsync(HttpClient client, string? reference = null, string amount = "150.00")
    {
        using var response = await PostAsync(client, "api/v1/checkouts", CheckoutJson(reference ?? Guid.NewGuid().ToString("N")[..12], $"\"{amount}\""));
        response.EnsureSuccessStatusCode();
        return await JsonAsync(response);
    }

    public static async Task<int> CheckoutsWithReferenceAsync(PortalApp app, string reference)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Checkouts.CountAsync(c => c.MerchantReference == reference);
    }

    public static string[] ErrorsOf(JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? messages.EnumerateArray().Select(m => m.GetString()!).ToArray()
            : [];

    /// <summary>A customer pays the checkout (API JSON) in real time through the real rail and sandbox bank.</summary>
    public static async Task<PaymentSnapshot> PayAsync(PortalApp app, JsonElement checkout)
    {
        var token = new Uri(checkout.GetProperty("url").GetString()!).Segments[^1];
        var payer = await BankBook.OpenPayerAsync(app.Services, 10_000m);
        var flow = app.Services.GetRequiredService<PaymentFlow>();
        var started = await flow.ChooseMethodAsync(token, PaymentMethod.RealTime);
        var paid = await flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), Guid.NewGuid().ToString("N"));
        return paid.Status == PaymentStatus.Succeeded ? paid : throw new InvalidOperationException($"Payment {paid.Status}");
    }

    /// <summary>A payment of a new Demo Shop checkout that fails: the payer's balance is short.</summary>
    public static async Task<PaymentSnapshot> FailedPaymentAsync(PortalApp app)
    {
        var payer = await BankBook.OpenPayerAsync(app.Services, 1.00m);
        var checkout = await DemoCheckouts.CreateAsync(app.Services, 10.00m);
        var flow = app.Services.GetRequiredService<PaymentFlow>();
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var failed = await flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), Guid.NewGuid().ToString("N"));
        return failed.Status == PaymentStatus.Failed ? failed : throw new InvalidOperationException($"Payment {failed.Status}");
    }
}
