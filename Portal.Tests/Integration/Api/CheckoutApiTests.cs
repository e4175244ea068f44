using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.ApiKeys;
using Portal.Domain.Checkouts;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Api;

/// <summary>POST/GET /api/v1/checkouts against the running app: the resource, its Location, and every refusal's shape.</summary>
public abstract class CheckoutApiTests<TProvider>(ApiFixture<TProvider> fixture) : IClassFixture<ApiFixture<TProvider>>
    where TProvider : IProviderUnderTest
{
    private HttpClient Shop => fixture.Shop;

    [Fact]
    public async Task Create_ValidBody_201WithLocationAndTheCheckout()
    {
        var reference = NewReference();
        var expiresAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(30), TimeSpan.Zero);
        using var response = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", ApiCalls.CheckoutJson(reference,
            extra: $"\"returnUrl\": \"https://shop.example/orders/1\", \"expiresAt\": \"{expiresAt:yyyy-MM-ddTHH:mm:ssZ}\", \"methods\": [\"fast\"], \"metadata\": {{\"orderId\": \"1001\"}}"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ApiCalls.JsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/checkouts/{id}", response.Headers.Location?.ToString());
        Assert.Equal("checkout", body.GetProperty("object").GetString());
        Assert.Equal("open", body.GetProperty("status").GetString());
        Assert.Equal("150.00", body.GetProperty("amount").GetString());
        Assert.Equal("CNY", body.GetProperty("currency").GetString());
        Assert.Equal(reference, body.GetProperty("reference").GetString());
        Assert.Equal("https://shop.example/orders/1", body.GetProperty("returnUrl").GetString());
        Assert.Equal(["fast"], body.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("1001", body.GetProperty("metadata").GetProperty("orderId").GetString());
        Assert.Equal(expiresAt, body.GetProperty("expiresAt").GetDateTimeOffset());
        var url = body.GetProperty("url").GetString()!;
        Assert.Matches("^http://[^/]+/pay/[^/]+$", url);
        Assert.Equal(url + "/qr.svg", body.GetProperty("qrCodeUrl").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("paidAt").ValueKind);
    }

    [Fact]
    public async Task Create_WithoutExpiryOrMethods_TakesTheMerchantsDefaults()
    {
        using var response = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", ApiCalls.CheckoutJson(NewReference()));

        var body = await ApiCalls.JsonAsync(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = body.GetProperty("createdAt").GetDateTimeOffset();
        // The API reads the clock a moment before the flow stamps the checkout.
        Assert.InRange(body.GetProperty("expiresAt").GetDateTimeOffset() - created, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
        Assert.Equal(["real_time", "fast"], body.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Get_OwnCheckout_200AsCreated()
    {
        var created = await ApiCalls.CreateCheckoutAsync(Shop);

        using var response = await Shop.GetAsync($"api/v1/checkouts/{created.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(created.ToString(), (await ApiCalls.JsonAsync(response)).ToString());
    }

    [Fact]
    public async Task Get_AnotherMerchantsOrAnUnknownCheckout_404Problem()
    {
        var created = await ApiCalls.CreateCheckoutAsync(Shop);

        using var foreign = await fixture.Other.GetAsync($"api/v1/checkouts/{created.GetProperty("id").GetGuid()}");
        using var unknown = await Shop.GetAsync($"api/v1/checkouts/{Guid.NewGuid()}");

        foreach (var response in new[] { foreign, unknown })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("not_found", (await ApiCalls.JsonAsync(response)).GetProperty("code").GetString());
        }
    }

    [Theory]
    [InlineData("\"12.345\"", "decimal places")]
    [InlineData("\"-5\"", "greater than zero")]
    [InlineData("\"0\"", "greater than zero")]
    [InlineData("\"abc\"", "decimal string")]
    [InlineData("\"1e3\"", "decimal string")]
    [InlineData("\" 5.00\"", "decimal string")]
    [InlineData("\"1,50\"", "decimal string")]
    [InlineData("150.00", "JSON string")]
    [InlineData("null", "required")]
    public async Task Create_BadAmount_422NamingAmountAndNothingCreated(string amount, string message)
    {
        var reference = NewReference();

        using var response = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", ApiCalls.CheckoutJson(reference, amount));

        await AssertInvalidAsync(response, "amount", message);
        Assert.Equal(0, await ApiCalls.CheckoutsWithReferenceAsync(fixture.App, reference));
    }

    [Theory]
    [InlineData("currency", "\"currency\": \"XYZ\"", "not a supported")]
    [InlineData("currency", "\"currency\": \"EUR\"", "must be in CNY")]
    [InlineData("returnUrl", "\"returnUrl\": \"javascript:alert(1)\"", "absolute http")]
    [InlineData("returnUrl", "\"returnUrl\": \"not a url\"", "absolute http")]
    [InlineData("expiresAt", "\"expiresAt\": \"2000-01-01T00:00:00Z\"", "future")]
    [InlineData("methods", "\"methods\": []", "at least one")]
    [InlineData("description", "\"description\": \"\"", "Describe")]
    public async Task Create_InvalidField_422NamingTheField(string field, string json, string message)
    {
        var reference = NewReference();
        var body = $$"""{"amount": "10.00", "currency": "CNY", "description": "Order", "reference": "{{reference}}", {{json}}}""";

        using var response = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", body);

        await AssertInvalidAsync(response, field, message);
        Assert.Equal(0, await ApiCalls.CheckoutsWithReferenceAsync(fixture.App, reference));
    }

    [Fact]
    public async Task Create_MetadataTooLarge_422NamingMetadata()
    {
        var metadata = string.Join(", ", Enumerable.Range(0, 21).Select(i => $"\"k{i}\": \"v\""));

        using var tooMany = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", ApiCalls.CheckoutJson(NewReference(), extra: $"\"metadata\": {{{metadata}}}"));
        using var tooLong = await ApiCalls.PostAsync(Shop, "api/v1/checkouts",
            ApiCalls.CheckoutJson(NewReference(), extra: $"\"metadata\": {{\"note\": \"{new string('x', 501)}\"}}"));

        await AssertInvalidAsync(tooMany, "metadata", "at most 20");
        await AssertInvalidAsync(tooLong, "metadata", "at most 500");
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"amount\": \"1.00\",")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    public async Task Create_BodyNotAJsonObject_400BadRequestProblem(string body)
    {
        using var response = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiCalls.JsonAsync(response);
        Assert.Equal("bad_request", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("   at ", problem.ToString());
    }

    [Theory]
    [InlineData("description", "\"description\": 5")]
    [InlineData("metadata", "\"metadata\": {\"n\": 5}")]
    [InlineData("methods", "\"methods\": [\"card\"]")]
    [InlineData("expiresAt", "\"expiresAt\": \"tomorrow\"")]
    public async Task Create_FieldOfWrongType_400NamingTheField(string field, string json)
    {
        var body = $$"""{"amount": "10.00", "currency": "CNY", {{json}}}""";

        using var response = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiCalls.JsonAsync(response);
        Assert.Equal("bad_request", problem.GetProperty("code").GetString());
        Assert.NotEmpty(ApiCalls.ErrorsOf(problem, field));
        Assert.DoesNotContain("System.", problem.ToString());
    }

    [Fact]
    public async Task Create_WithoutCheckoutsScope_403AndNothingCreated()
    {
        using var reader = ApiKeyIssuer.Client(fixture.App, await ApiKeyIssuer.IssueAsync(fixture.App, scopes: ApiScopes.PaymentsRead));
        var reference = NewReference();

        using var response = await ApiCalls.PostAsync(reader, "api/v1/checkouts", ApiCalls.CheckoutJson(reference));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("insufficient_scope", (await ApiCalls.JsonAsync(response)).GetProperty("code").GetString());
        Assert.Equal(0, await ApiCalls.CheckoutsWithReferenceAsync(fixture.App, reference));
    }

    [Fact]
    public async Task Create_WithoutKey_401()
    {
        using var anonymous = ApiKeyIssuer.Client(fixture.App, null);

        using var response = await ApiCalls.PostAsync(anonymous, "api/v1/checkouts", ApiCalls.CheckoutJson(NewReference()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (await ApiCalls.JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task QrCode_OfACheckout_IsAnSvgImage_AndUnknownTokensAre404()
    {
        var created = await ApiCalls.CreateCheckoutAsync(Shop);
        using var anonymous = new HttpClient();

        using var image = await anonymous.GetAsync(created.GetProperty("qrCodeUrl").GetString());
        using var unknown = await anonymous.GetAsync(fixture.App.Url("pay/AAAAAAAAAAAAAAAAAAAAAA/qr.svg"));

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await image.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task QrCode_TokenInOtherCase_Is404()
    {
        var created = await ApiCalls.CreateCheckoutAsync(Shop);
        var token = new Uri(created.GetProperty("url").GetString()!).Segments[^1];
        var flipped = new string(token.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());
        using var anonymous = new HttpClient();

        using var response = await anonymous.GetAsync(fixture.App.Url($"pay/{flipped}/qr.svg"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task AssertInvalidAsync(HttpResponseMessage response, string field, string message)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiCalls.JsonAsync(response);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        var errors = ApiCalls.ErrorsOf(problem, field);
        Assert.True(errors.Any(e => e.Contains(message, StringComparison.OrdinalIgnoreCase)),
            $"errors.{field} should mention \"{message}\": {problem}");
    }

    private static string NewReference() => Guid.NewGuid().ToString("N")[..16];

    [Fact]
    public async Task Reopen_LockedCheckout_200AndTheCustomerCanPay()
    {
        var checkout = await LockedCheckoutAsync();

        using var response = await ApiCalls.PostAsync(Shop, $"api/v1/checkouts/{checkout.Id}/reopen", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiCalls.JsonAsync(response);
        Assert.Equal("open", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("locked").GetBoolean());
        var payer = await BankBook.OpenPayerAsync(fixture.App.Services, 10.00m);
        var flow = fixture.App.Services.GetRequiredService<PaymentFlow>();
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        Assert.Equal(PaymentStatus.Succeeded, (await flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "after-reopen")).Status);
    }

    [Fact]
    public async Task Get_LockedCheckout_SaysLocked()
    {
        var checkout = await LockedCheckoutAsync();

        using var response = await Shop.GetAsync($"api/v1/checkouts/{checkout.Id}");

        var body = await ApiCalls.JsonAsync(response);
        Assert.Equal("open", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("locked").GetBoolean());
    }

    [Fact]
    public async Task Reopen_CheckoutThatIsNotLocked_409ProblemAndNothingChanges()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 6.00m);

        using var response = await ApiCalls.PostAsync(Shop, $"api/v1/checkouts/{checkout.Id}/reopen", "{}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("conflict", (await ApiCalls.JsonAsync(response)).GetProperty("code").GetString());
        Assert.Equal(checkout.Version, (await DemoCheckouts.ReloadAsync(fixture.App.Services, checkout.Id)).Version);
    }

    [Fact]
    public async Task Reopen_AnotherMerchantsLockedCheckout_404AndItStaysLocked()
    {
        var checkout = await LockedCheckoutAsync();

        using var response = await ApiCalls.PostAsync(fixture.Other, $"api/v1/checkouts/{checkout.Id}/reopen", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True((await DemoCheckouts.ReloadAsync(fixture.App.Services, checkout.Id)).IsLockedAt(DateTimeOffset.UtcNow));
    }

    // Ten wrong PINs on a real account through the real rail lock the checkout.
    private async Task<Checkout> LockedCheckoutAsync()
    {
        var services = fixture.App.Services;
        var flow = services.GetRequiredService<PaymentFlow>();
        var victim = await BankBook.OpenPayerAsync(services, 10.00m);
        var checkout = await DemoCheckouts.CreateAsync(services, 5.00m);
        for (var i = 0; i < Checkout.MaxFailedAttempts; i++)
        {
            var attempt = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
            await flow.PayRealTimeAsync(attempt.PaymentId, PayerDetails.Parse(victim, "000000"), $"guess-{i}");
        }
        return checkout;
    }
}

public sealed class CheckoutApiOnSqliteTests(ApiFixture<OnSqlite> fixture) : CheckoutApiTests<OnSqlite>(fixture);

public sealed class CheckoutApiOnPostgresTests(ApiFixture<OnPostgres> fixture) : CheckoutApiTests<OnPostgres>(fixture);
