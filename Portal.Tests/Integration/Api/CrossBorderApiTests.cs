using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Api;

/// <summary>The merchant API shows both sides of a cross-border payment and what its refund returned in the payer's currency.</summary>
public abstract class CrossBorderApiTests<TProvider>(ApiFixture<TProvider> fixture) : IClassFixture<ApiFixture<TProvider>>
    where TProvider : IProviderUnderTest
{
    private IServiceProvider Services => fixture.App.Services;

    [Fact]
    public async Task Get_CrossBorderPayment_ShowsThePayersSide_AndItsRefundTheirShare()
    {
        var flow = Services.GetRequiredService<PaymentFlow>();
        var payer = await BankBook.OpenForeignPayerAsync(Services, "EUR", 100.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 40.00m);
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var quote = (await flow.QuoteAsync(started.PaymentId, AccountNumber.Parse(payer))).Quote!;
        await flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456", quote.QuoteId), "key-1");

        using var refunded = await ApiCalls.PostAsync(fixture.Shop, $"api/v1/payments/{started.PaymentId}/refunds", """{"amount": "40.00"}""");
        using var payment = await fixture.Shop.GetAsync($"api/v1/payments/{started.PaymentId}");

        Assert.Equal(HttpStatusCode.OK, payment.StatusCode);
        var conversion = (await ApiCalls.JsonAsync(payment)).GetProperty("conversion");
        Assert.Equal(("EUR", quote.PayerTotal.ToAmountString(), quote.QuoteId),
            (conversion.GetProperty("payerCurrency").GetString(), conversion.GetProperty("payerAmount").GetString(),
                conversion.GetProperty("quoteId").GetString()));
        Assert.Equal(quote.Rate, decimal.Parse(conversion.GetProperty("rate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var refund = await ApiCalls.JsonAsync(refunded);
        Assert.Equal((quote.PayerTotal.ToAmountString(), "EUR"),
            (refund.GetProperty("payerAmount").GetString(), refund.GetProperty("payerCurrency").GetString()));
    }
}

public sealed class CrossBorderApiOnSqliteTests(ApiFixture<OnSqlite> fixture) : CrossBorderApiTests<OnSqlite>(fixture);

public sealed class CrossBorderApiOnPostgresTests(ApiFixture<OnPostgres> fixture) : CrossBorderApiTests<OnPostgres>(fixture);
