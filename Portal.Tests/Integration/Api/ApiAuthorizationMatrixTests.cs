using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.ApiKeys;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Api;

/// <summary>
/// Every route of /api/v1, called with no key, a key of each single scope, a key of all scopes, and another merchant's
/// key of all scopes asking for Demo Shop's things by id. One test per key; each lists every route that answered
/// otherwise than the matrix says, so a failure shows the whole picture at once.
/// </summary>
public sealed class ApiAuthorizationMatrixTests(ApiAuthorizationMatrixTests.Fixture fixture) : IClassFixture<ApiAuthorizationMatrixTests.Fixture>
{
    public enum Caller
    {
        NoKey,
        CheckoutsWrite,
        PaymentsRead,
        RefundsWrite,
        AllScopes,
        OtherMerchant,
    }

    [Theory]
    [InlineData(Caller.NoKey)]
    [InlineData(Caller.CheckoutsWrite)]
    [InlineData(Caller.PaymentsRead)]
    [InlineData(Caller.RefundsWrite)]
    [InlineData(Caller.AllScopes)]
    [InlineData(Caller.OtherMerchant)]
    public async Task EveryApiRoute_AnswersAsTheMatrixSays(Caller caller)
    {
        using var client = ApiKeyIssuer.Client(fixture.App, caller switch
        {
            Caller.NoKey => null,
            Caller.CheckoutsWrite => await ApiKeyIssuer.IssueAsync(fixture.App, scopes: ApiScopes.CheckoutsWrite),
            Caller.PaymentsRead => await ApiKeyIssuer.IssueAsync(fixture.App, scopes: ApiScopes.PaymentsRead),
            Caller.RefundsWrite => await ApiKeyIssuer.IssueAsync(fixture.App, scopes: ApiScopes.RefundsWrite),
            Caller.AllScopes => await ApiKeyIssuer.IssueAsync(fixture.App),
            _ => await ApiKeyIssuer.IssueAsync(fixture.App, DemoData.OtherShop),
        });

        var wrong = new List<string>();
        foreach (var route in fixture.Routes)
        {
            var expected = route.Expect(caller);
            using var response = route.Body is null
                ? await client.GetAsync(route.Path)
                : await ApiCalls.PostAsync(client, route.Path, route.Body);
            if (response.StatusCode != expected)
            {
                wrong.Add($"{route.Method} {route.Path}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(wrong.Count == 0, $"{caller}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void TheMatrix_CoversEveryApiRoute()
    {
        var mapped = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var covered = fixture.Routes.Select(r => $"{r.Method} {r.Template}").ToHashSet();

        Assert.Empty(mapped.Except(covered));
        Assert.Empty(covered.Except(mapped));
    }

    // "/api/v1/checkouts/" and "/api/v1//payments/{id:guid}/refunds" as the matrix writes them.
    private static string Normalize(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern.Replace("//", "/", StringComparison.Ordinal), ":[a-z]+}", "}").TrimEnd('/');

    /// <summary>One route: its template, the path with Demo Shop's ids, a body for POSTs, and what each caller gets.</summary>
    public sealed record Route(string Method, string Template, string Path, string? Body, Func<Caller, HttpStatusCode> Expect);

    public sealed class Fixture : IAsyncLifetime
    {
        public PortalApp App { get; } = new(new Dictionary<string, string?> { ["Api:Burst"] = "10000", ["Api:RequestsPerSecond"] = "10000" });

        public List<Route> Routes { get; } = [];

        public async Task InitializeAsync()
        {
            using var shop = ApiKeyIssuer.Client(App, await ApiKeyIssuer.IssueAsync(App));
            var checkout = await ApiCalls.CreateCheckoutAsync(shop);
            var (payment, _) = await DemoPayments.PaidAsync(App.Services, 100.00m);
            using var refundResponse = await ApiCalls.PostAsync(shop, $"api/v1/payments/{payment.PaymentId}/refunds", """{"amount": "1.00"}""");
            var refundId = (await ApiCalls.JsonAsync(refundResponse)).GetProperty("id").GetGuid();

            Add("GET", "/api/v1/key", "api/v1/key", null, Any(HttpStatusCode.OK));
            Add("POST", "/api/v1/checkouts", "api/v1/checkouts", ApiCalls.CheckoutJson("matrix"),
                Scoped(Caller.CheckoutsWrite, HttpStatusCode.Created, HttpStatusCode.Created));
            Add("GET", "/api/v1/checkouts", "api/v1/checkouts", null, Scoped(Caller.CheckoutsWrite, HttpStatusCode.OK, HttpStatusCode.OK));
            Add("GET", "/api/v1/checkouts/{id}", $"api/v1/checkouts/{checkout.GetProperty("id").GetGuid()}", null,
                Scoped(Caller.CheckoutsWrite, HttpStatusCode.OK, HttpStatusCode.NotFound));
            // Demo Shop's checkout is not locked: its own keys reach the checkout and are told so (409); another merchant's read it as missing.
            Add("POST", "/api/v1/checkouts/{id}/reopen", $"api/v1/checkouts/{checkout.GetProperty("id").GetGuid()}/reopen", "{}",
                Scoped(Caller.CheckoutsWrite, HttpStatusCode.Conflict, HttpStatusCode.NotFound));
            Add("GET", "/api/v1/payments", "api/v1/payments", null, Scoped(Caller.PaymentsRead, HttpStatusCode.OK, HttpStatusCode.OK));
            Add("GET", "/api/v1/payments/{id}", $"api/v1/payments/{payment.PaymentId}", null,
                Scoped(Caller.PaymentsRead, HttpStatusCode.OK, HttpStatusCode.NotFound));
            Add("POST", "/api/v1/payments/{id}/refunds", $"api/v1/payments/{payment.PaymentId}/refunds", """{"amount": "1.00"}""",
                Scoped(Caller.RefundsWrite, HttpStatusCode.Created, HttpStatusCode.NotFound));
            Add("GET", "/api/v1/refunds/{id}", $"api/v1/refunds/{refundId}", null,
                Scoped(Caller.RefundsWrite, HttpStatusCode.OK, HttpStatusCode.NotFound));
        }

        public async Task DisposeAsync() => await App.DisposeAsync();

        private void Add(string method, string template, string path, string? body, Func<Caller, HttpStatusCode> expect) =>
            Routes.Add(new Route(method, template, path, body, expect));

        private static Func<Caller, HttpStatusCode> Any(HttpStatusCode allowed) =>
            caller => caller == Caller.NoKey ? HttpStatusCode.Unauthorized : allowed;

        /// <summary>The key needs <paramref name="scope"/>; another merchant's key with it gets <paramref name="forOtherMerchant"/>.</summary>
        private static Func<Caller, HttpStatusCode> Scoped(Caller scope, HttpStatusCode allowed, HttpStatusCode forOtherMerchant) =>
            caller => caller switch
            {
                Caller.NoKey => HttpStatusCode.Unauthorized,
                Caller.AllScopes => allowed,
                Caller.OtherMerchant => forOtherMerchant,
                _ when caller == scope => allowed,
                _ => HttpStatusCode.Forbidden,
            };
    }
}
