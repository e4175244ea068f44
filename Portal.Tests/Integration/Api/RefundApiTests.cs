using System.Net;
using System.Text.Json;
using Portal.Data;
using Portal.Domain.Refunds;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Api;

/// <summary>POST /api/v1/payments/{id}/refunds and GET /api/v1/refunds/{id}: through RefundFlow, money moved once.</summary>
public abstract class RefundApiTests<TProvider>(ApiFixture<TProvider> fixture) : IClassFixture<ApiFixture<TProvider>>
    where TProvider : IProviderUnderTest
{
    private HttpClient Shop => fixture.Shop;

    private IServiceProvider Services => fixture.App.Services;

    [Fact]
    public async Task Create_PartialRefund_201WithLocation_AndMoneyBack()
    {
        var (payment, payer) = await DemoPayments.PaidAsync(Services, 50.00m, payerBalance: 50.00m);

        using var response = await ApiCalls.PostAsync(Shop, $"api/v1/payments/{payment.PaymentId}/refunds",
            """{"amount": "20.00", "reason": "returned", "note": "Parcel came back"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var refund = await ApiCalls.JsonAsync(response);
        var id = refund.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/refunds/{id}", response.Headers.Location?.ToString());
        Assert.Equal("refund", refund.GetProperty("object").GetString());
        Assert.Equal("succeeded", refund.GetProperty("status").GetString());
        Assert.Equal("20.00", refund.GetProperty("amount").GetString());
        Assert.Equal("returned", refund.GetProperty("reason").GetString());
        Assert.Equal(payment.PaymentId, refund.GetProperty("paymentId").GetGuid());
        Assert.Equal(7, refund.GetProperty("steps").GetArrayLength());
        Assert.Equal(20_00, await BankBook.BalanceAsync(Services, payer));
        using var paymentNow = await Shop.GetAsync($"api/v1/payments/{payment.PaymentId}");
        Assert.Equal("20.00", (await ApiCalls.JsonAsync(paymentNow)).GetProperty("amountRefunded").GetString());
    }

    [Fact]
    public async Task Create_WithoutAmount_RefundsAllThatIsLeft()
    {
        var (payment, _) = await DemoPayments.PaidAsync(Services, 30.00m);
        using var first = await ApiCalls.PostAsync(Shop, $"api/v1/payments/{payment.PaymentId}/refunds", """{"amount": "10.00"}""");

        using var rest = await ApiCalls.PostAsync(Shop, $"api/v1/payments/{payment.PaymentId}/refunds", "{}");

        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        Assert.Equal("20.00", (await ApiCalls.JsonAsync(rest)).GetProperty("amount").GetString());
        Assert.Equal(30_00, (await DemoPayments.ReloadAsync(Services, payment.PaymentId)).RefundedMinorUnits);
    }

    [Theory]
    [InlineData("\"30.01\"", "30.00")]
    [InlineData("\"0\"", "")]
    [InlineData("\"-5.00\"", "")]
    [InlineData("\"1.001\"", "")]
    [InlineData("\"abc\"", "decimal string")]
    [InlineData("\"1e1\"", "decimal string")]
    [InlineData("5", "JSON string")]
    public async Task Create_BadOrTooLargeAmount_422OnAmountAndNothingMoves(string amount, string message)
    {
        var (payment, payer) = await DemoPayments.PaidAsync(Services, 30.00m, payerBalance: 30.00m);

        using var response = await ApiCalls.PostAsync(Shop, $"api/v1/payments/{payment.PaymentId}/refunds", $$"""{"amount": {{amount}}}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ApiCalls.JsonAsync(response);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.Contains(ApiCalls.ErrorsOf(problem, "amount"), e => e.Contains(message, StringComparison.Ordinal));
        Assert.Empty(await DemoPayments.RefundsOfAsync(Services, payment.PaymentId));
        Assert.Equal(0, await BankBook.BalanceAsync(Services, payer));
    }

    [Fact]
    public async Task Create_UnknownReason_400NamingReason()
    {
        var (payment, _) = await DemoPayments.PaidAsync(Services, 5.00m);

        using var response = await ApiCalls.PostAsync(Shop, $"api/v1/payments/{payment.PaymentId}/refunds", """{"reason": "bored"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(ApiCalls.ErrorsOf(await ApiCalls.JsonAsync(response), "reason"));
    }

    [Fact]
    public async Task Create_OnAnotherMerchantsPayment_404AndNothingMoves()
    {
        var (payment, payer) = await DemoPayments.PaidAsync(Services, 10.00m, payerBalance: 10.00m);

        using var response = await ApiCalls.PostAsync(fixture.Other, $"api/v1/payments/{payment.PaymentId}/refunds", "{}");
        using var unknown = await ApiCalls.PostAsync(Shop, $"api/v1/payments/{Guid.NewGuid()}/refunds", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("not_found", (await ApiCalls.JsonAsync(response)).GetProperty("code").GetString());
        Assert.Empty(await DemoPayments.RefundsOfAsync(Services, payment.PaymentId));
        Assert.Equal(0, await BankBook.BalanceAsync(Services, payer));
    }

    [Fact]
    public async Task Create_TwentyInParallelWithOneKey_OneRefund_MoneyMovedOnce_TwentyIdenticalAnswers()
    {
        var (payment, payer) = await DemoPayments.PaidAsync(Services, 40.00m, payerBalance: 40.00m);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await ApiCalls.PostAsync(Shop, $"api/v1/payments/{payment.PaymentId}/refunds", """{"amount": "15.00"}""", key);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        var refund = Assert.Single(await DemoPayments.RefundsOfAsync(Services, payment.PaymentId));
        Assert.Equal(RefundStatus.Succeeded, refund.Status);
        Assert.Equal(15_00, (await DemoPayments.ReloadAsync(Services, payment.PaymentId)).RefundedMinorUnits);
        Assert.Equal(15_00, await BankBook.BalanceAsync(Services, payer));
        Assert.Equal(1, await BankBook.LedgerTransactionsForAsync(Services, refund.Id));
    }

    [Fact]
    public async Task Create_SameKeyAnotherBody_422KeyReused_AndOnlyTheFirstRefund()
    {
        var (payment, _) = await DemoPayments.PaidAsync(Services, 40.00m);
        var key = Guid.NewGuid().ToString();
        using var first = await ApiCalls.PostAsync(Shop, $"api/v1/payments/{payment.PaymentId}/refunds", """{"amount": "5.00"}""", key);

        using var second = await ApiCalls.PostAsync(Shop, $"api/v1/payments/{payment.PaymentId}/refunds", """{"amount": "6.00"}""", key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("idempotency_key_reused", (await ApiCalls.JsonAsync(second)).GetProperty("code").GetString());
        Assert.Single(await DemoPayments.RefundsOfAsync(Services, payment.PaymentId));
    }

    [Fact]
    public async Task Create_AboveTheApprovalThreshold_WaitsForAnOwner()
    {
        var (payment, payer) = await DemoPayments.PaidAsync(Services, 1_500.00m, payerBalance: 1_500.00m);

        using var response = await ApiCalls.PostAsync(Shop, $"api/v1/payments/{payment.PaymentId}/refunds", "{}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var refund = await ApiCalls.JsonAsync(response);
        Assert.Equal("pending_approval", refund.GetProperty("status").GetString());
        Assert.True(refund.GetProperty("needsApproval").GetBoolean());
        Assert.Equal(0, await BankBook.BalanceAsync(Services, payer));
    }

    [Fact]
    public async Task Get_OwnRefund_200_OtherMerchantsOrUnknown_404()
    {
        var (payment, _) = await DemoPayments.PaidAsync(Services, 8.00m);
        using var created = await ApiCalls.PostAsync(Shop, $"api/v1/payments/{payment.PaymentId}/refunds", """{"amount": "3.00"}""");
        var id = (await ApiCalls.JsonAsync(created)).GetProperty("id").GetGuid();

        using var mine = await Shop.GetAsync($"api/v1/refunds/{id}");
        using var theirs = await fixture.Other.GetAsync($"api/v1/refunds/{id}");
        using var unknown = await Shop.GetAsync($"api/v1/refunds/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var body = await ApiCalls.JsonAsync(mine);
        Assert.Equal(id, body.GetProperty("id").GetGuid());
        Assert.Equal("3.00", body.GetProperty("amount").GetString());
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(JsonValueKind.Object, (await ApiCalls.JsonAsync(theirs)).ValueKind);
    }
}

public sealed class RefundApiOnSqliteTests(ApiFixture<OnSqlite> fixture) : RefundApiTests<OnSqlite>(fixture);

public sealed class RefundApiOnPostgresTests(ApiFixture<OnPostgres> fixture) : RefundApiTests<OnPostgres>(fixture);
