using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Api;

/// <summary>
/// GET /api/v1/checkouts and /api/v1/payments: filters, cursor pages newest first that neither repeat nor skip when
/// new items arrive between pages, seven steps per payment, and another merchant's ids as 404.
/// </summary>
public abstract class ApiListTests<TProvider>(ApiFixture<TProvider> fixture) : IClassFixture<ApiFixture<TProvider>>
    where TProvider : IProviderUnderTest
{
    private HttpClient Shop => fixture.Shop;

    [Fact]
    public async Task ListCheckouts_ThroughPages_EachOnceNewestFirst_EvenWithInsertsBetweenPages()
    {
        var reference = NewReference();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await ApiCalls.CreateCheckoutAsync(Shop, reference)).GetProperty("id").GetString()!);
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetListAsync($"api/v1/checkouts?reference={reference}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            cursor = page.GetProperty("hasMore").GetBoolean() ? page.GetProperty("nextCursor").GetString() : null;
            Assert.Equal(cursor is null, page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null);
            if (pages++ == 0)
            {
                // A new checkout after the first page: newer than all, so it belongs before page 1, not in page 2.
                await ApiCalls.CreateCheckoutAsync(Shop, reference);
            }
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(created), seen);
    }

    [Fact]
    public async Task ListCheckouts_CreatedAtOneInstant_EachOnceThroughPagesInIdOrder()
    {
        // Written straight to the database with one creation instant: only the ids tell them apart, in the order and
        // in the cursor, and both providers must order ids alike (SQLite keeps them as text, PostgreSQL as uuid).
        var reference = NewReference();
        var merchant = await DemoCheckouts.MerchantAsync(fixture.App.Services);
        var instant = DateTimeOffset.UtcNow;
        var created = Enumerable.Range(0, 5)
            .Select(_ => Checkout.Create(merchant, new CheckoutRequest(5.00m, "CNY", "Same instant", instant.AddDays(1), reference), instant))
            .ToList();
        await using (var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.Checkouts.AddRange(created);
            await db.SaveChangesAsync();
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await GetListAsync($"api/v1/checkouts?reference={reference}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(created.Select(c => c.Id.ToString()).OrderDescending(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task ListCheckouts_ByStatus_OpenAndPaidApart()
    {
        var reference = NewReference();
        var open = await ApiCalls.CreateCheckoutAsync(Shop, reference, "5.00");
        var paid = await ApiCalls.CreateCheckoutAsync(Shop, reference, "6.00");
        await ApiCalls.PayAsync(fixture.App, paid);

        var openList = await GetListAsync($"api/v1/checkouts?reference={reference}&status=open");
        var paidList = await GetListAsync($"api/v1/checkouts?reference={reference}&status=paid");

        Assert.Equal([open.GetProperty("id").GetString()], openList.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var paidOne = Assert.Single(paidList.GetProperty("data").EnumerateArray());
        Assert.Equal(paid.GetProperty("id").GetString(), paidOne.GetProperty("id").GetString());
        Assert.Equal("paid", paidOne.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, paidOne.GetProperty("paymentId").ValueKind);
    }

    [Fact]
    public async Task ListCheckouts_ReferenceInOtherCase_FindsNothing()
    {
        var reference = "abc-" + NewReference();
        await ApiCalls.CreateCheckoutAsync(Shop, reference);

        var upper = await GetListAsync($"api/v1/checkouts?reference={reference.ToUpperInvariant()}");

        Assert.Empty(upper.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task ListCheckouts_OfAnotherMerchant_AreNotShown()
    {
        var reference = NewReference();
        await ApiCalls.CreateCheckoutAsync(Shop, reference);

        var theirs = await ListAsync(fixture.Other, $"api/v1/checkouts?reference={reference}");

        Assert.Empty(theirs.GetProperty("data").EnumerateArray());
    }

    [Theory]
    [InlineData("api/v1/checkouts?limit=0", "limit")]
    [InlineData("api/v1/checkouts?limit=101", "limit")]
    [InlineData("api/v1/checkouts?limit=ten", "limit")]
    [InlineData("api/v1/checkouts?cursor=garbage", "cursor")]
    [InlineData("api/v1/checkouts?status=lost", "status")]
    [InlineData("api/v1/checkouts?createdFrom=yesterday", "createdFrom")]
    [InlineData("api/v1/payments?method=card", "method")]
    [InlineData("api/v1/payments?checkoutId=42", "checkoutId")]
    [InlineData("api/v1/payments?createdTo=soon", "createdTo")]
    public async Task List_BadQuery_422NamingTheParameter(string path, string field)
    {
        using var response = await Shop.GetAsync(path);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ApiCalls.JsonAsync(response);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.NotEmpty(ApiCalls.ErrorsOf(problem, field));
    }

    [Fact]
    public async Task GetPayment_HasItsSevenStepsAndAmounts()
    {
        var (payment, _) = await DemoPayments.PaidAsync(fixture.App.Services, 12.34m);

        using var response = await Shop.GetAsync($"api/v1/payments/{payment.PaymentId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiCalls.JsonAsync(response);
        Assert.Equal("payment", body.GetProperty("object").GetString());
        Assert.Equal("succeeded", body.GetProperty("status").GetString());
        Assert.Equal("real_time", body.GetProperty("method").GetString());
        Assert.Equal("12.34", body.GetProperty("amount").GetString());
        Assert.Equal("0.00", body.GetProperty("amountRefunded").GetString());
        Assert.Equal(payment.CheckoutId, body.GetProperty("checkoutId").GetGuid());
        var steps = body.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], steps.Select(s => s.GetProperty("number").GetInt32()));
        Assert.All(steps, s => Assert.Equal(JsonValueKind.String, s.GetProperty("at").ValueKind));
        Assert.Equal("payee_processed", steps[5].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Number, body.GetProperty("secondsPer100").ValueKind);
        Assert.DoesNotContain("123456", body.ToString());
    }

    [Fact]
    public async Task GetPayment_OfAnotherMerchantOrUnknown_404()
    {
        var (payment, _) = await DemoPayments.PaidAsync(fixture.App.Services, 2.00m);

        using var foreign = await fixture.Other.GetAsync($"api/v1/payments/{payment.PaymentId}");
        using var unknown = await Shop.GetAsync($"api/v1/payments/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("not_found", (await ApiCalls.JsonAsync(foreign)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ListPayments_ThroughPagesAndFilters()
    {
        var since = DateTimeOffset.UtcNow.ToString("O");
        var paid = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            paid.Add((await DemoPayments.PaidAsync(fixture.App.Services, 1.00m + i)).Payment.PaymentId);
        }
        var failed = await ApiCalls.FailedPaymentAsync(fixture.App);

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await GetListAsync($"api/v1/payments?createdFrom={Uri.EscapeDataString(since)}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        var succeeded = await GetListAsync($"api/v1/payments?createdFrom={Uri.EscapeDataString(since)}&status=succeeded");
        var ofCheckout = await GetListAsync($"api/v1/payments?checkoutId={failed.CheckoutId}&method=real_time");

        Assert.Equal(paid.Append(failed.PaymentId).Reverse(), seen);
        Assert.Equal(Enumerable.Reverse(paid), succeeded.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        var only = Assert.Single(ofCheckout.GetProperty("data").EnumerateArray());
        Assert.Equal("failed", only.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, only.GetProperty("failure").GetProperty("code").ValueKind);
    }

    private Task<JsonElement> GetListAsync(string path) => ListAsync(Shop, path);

    private static async Task<JsonElement> ListAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiCalls.JsonAsync(response);
        Assert.Equal("list", body.GetProperty("object").GetString());
        return body;
    }

    private static string NewReference() => Guid.NewGuid().ToString("N")[..16];
}

public sealed class ApiListOnSqliteTests(ApiFixture<OnSqlite> fixture) : ApiListTests<OnSqlite>(fixture);

public sealed class ApiListOnPostgresTests(ApiFixture<OnPostgres> fixture) : ApiListTests<OnPostgres>(fixture);
