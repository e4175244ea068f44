using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;
using Portal.SandboxBank;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Portal.Webhooks;

namespace Portal.Tests.Integration.Webhooks;

/// <summary>One event per result, through the real flows and the real rail, received by an endpoint on 127.0.0.1.</summary>
public abstract class WebhookEventTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string MerchantAccount = "8800000000000001";
    private readonly PortalApp _app = new(provider: provider);
    private WebhookReceiver _receiver = null!;

    private IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        _receiver = await WebhookReceiver.StartAsync();
        await DemoWebhooks.AddEndpointAsync(Services, _receiver.Url);
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task PaidCheckout_CheckoutCompletedWithStatusPaid()
    {
        var (payment, _) = await DemoPayments.PaidAsync(Services, 20.00m);

        var data = await ReceivedAsync(WebhookEventTypes.CheckoutCompleted, payment.CheckoutId);

        Assert.Equal("checkout", data.GetProperty("object").GetString());
        Assert.Equal("paid", data.GetProperty("status").GetString());
        Assert.Equal(payment.PaymentId.ToString(), data.GetProperty("paymentId").GetString());
        Assert.Equal("20.00", data.GetProperty("amount").GetString());
    }

    [Fact]
    public async Task SucceededPayment_PaymentSucceededOnce()
    {
        var (payment, _) = await DemoPayments.PaidAsync(Services, 21.00m);

        var data = await ReceivedAsync(WebhookEventTypes.PaymentSucceeded, payment.PaymentId);

        Assert.Equal("succeeded", data.GetProperty("status").GetString());
        Assert.Equal("real_time", data.GetProperty("method").GetString());
        Assert.Single(await DemoWebhooks.EventsAsync(Services, payment.PaymentId));
    }

    [Fact]
    public async Task MerchantWithoutAnEndpoint_PaidCheckout_NoEventWritten()
    {
        var (payment, _) = await DemoPayments.PaidAsync(Services, 6.00m, merchant: DemoData.OtherShop);

        Assert.Empty(await DemoWebhooks.EventsAsync(Services, payment.PaymentId));
        Assert.Empty(await DemoWebhooks.EventsAsync(Services, payment.CheckoutId));
    }

    [Fact]
    public async Task EndpointDisabled_PaidCheckout_NoEventWritten()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await db.WebhookEndpoints.ExecuteUpdateAsync(e => e.SetProperty(x => x.Enabled, false));

        var (payment, _) = await DemoPayments.PaidAsync(Services, 6.50m);

        Assert.Empty(await DemoWebhooks.EventsAsync(Services, payment.PaymentId));
    }

    [Fact]
    public async Task DeclinedPayment_PaymentFailedWithReasonAndNoCheckoutCompleted()
    {
        var payer = await BankBook.OpenPayerAsync(Services, 5.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 50.00m);
        var flow = Services.GetRequiredService<PaymentFlow>();
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        await flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");

        var data = await ReceivedAsync(WebhookEventTypes.PaymentFailed, started.PaymentId);

        Assert.Equal("failed", data.GetProperty("status").GetString());
        Assert.Equal("AM04", data.GetProperty("failure").GetProperty("code").GetString());
        Assert.Empty(await DemoWebhooks.EventsAsync(Services, checkout.Id));
    }

    [Fact]
    public async Task SucceededRefund_RefundSucceeded()
    {
        var (payment, _) = await DemoPayments.PaidAsync(Services, 30.00m);
        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);

        var refund = await Services.GetRequiredService<RefundFlow>().RequestAsync(manager, payment.PaymentId,
            new RefundRequest("12.50", RefundReason.RequestedByCustomer, null, "refund-1"));

        var data = await ReceivedAsync(WebhookEventTypes.RefundSucceeded, refund.RefundId);
        Assert.Equal("refund", data.GetProperty("object").GetString());
        Assert.Equal("succeeded", data.GetProperty("status").GetString());
        Assert.Equal("12.50", data.GetProperty("amount").GetString());
        Assert.Equal(payment.PaymentId.ToString(), data.GetProperty("paymentId").GetString());
    }

    [Fact]
    public async Task RefundTheBankRefuses_RefundFailedWithReason()
    {
        var (payment, _) = await DemoPayments.PaidAsync(Services, 40.00m);
        var merchantBalance = await BankBook.BalanceAsync(Services, MerchantAccount);
        await Services.GetRequiredService<SandboxBankSeeder>().PayOutAsync(MerchantAccount,
            Money.FromMinorUnits(merchantBalance - 10_00, Currency.CNY));
        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);

        var refund = await Services.GetRequiredService<RefundFlow>().RequestAsync(manager, payment.PaymentId,
            new RefundRequest("25.00", RefundReason.Returned, null, "refund-poor"));

        var data = await ReceivedAsync(WebhookEventTypes.RefundFailed, refund.RefundId);
        Assert.Equal("failed", data.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, data.GetProperty("failure").ValueKind);
    }

    [Fact]
    public async Task RejectedRefund_RefundFailedWithStatusRejected()
    {
        var (payment, _) = await DemoPayments.PaidAsync(Services, 3_000.00m);
        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);
        var owner = await DemoPayments.StaffAsync(Services, StaffRole.Owner);
        var refunds = Services.GetRequiredService<RefundFlow>();
        var pending = await refunds.RequestAsync(manager, payment.PaymentId, new RefundRequest("1500.00", RefundReason.Returned, null, "big"));

        await refunds.RejectAsync(owner, pending.RefundId, "Not returned yet");

        var data = await ReceivedAsync(WebhookEventTypes.RefundFailed, pending.RefundId);
        Assert.Equal("rejected", data.GetProperty("status").GetString());
    }

    [Fact]
    public async Task FastPaymentSettledByCallback_PaymentSucceededAndCheckoutCompleted()
    {
        var payer = await BankBook.OpenPayerAsync(Services, 100.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 12.34m);
        var flow = Services.GetRequiredService<PaymentFlow>();
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.Fast);

        var accepted = await flow.ApproveFastAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");

        Assert.Equal(PaymentStatus.Processing, accepted.Status);
        var data = await ReceivedAsync(WebhookEventTypes.PaymentSucceeded, started.PaymentId);
        Assert.Equal("fast", data.GetProperty("method").GetString());
        await ReceivedAsync(WebhookEventTypes.CheckoutCompleted, checkout.Id);
    }

    [Fact]
    public async Task EndpointSubscribedToOneType_GetsOnlyThatType()
    {
        await using var only = await WebhookReceiver.StartAsync();
        await DemoWebhooks.AddEndpointAsync(Services, only.Url, events: [WebhookEventTypes.CheckoutCompleted]);

        var (payment, _) = await DemoPayments.PaidAsync(Services, 9.00m);
        await ReceivedAsync(WebhookEventTypes.PaymentSucceeded, payment.PaymentId);
        await ReceivedAsync(WebhookEventTypes.CheckoutCompleted, payment.CheckoutId);

        var deliveries = await DemoWebhooks.DeliveriesAsync(Services);
        await WaitAsync(() => only.Accepted.Count >= 1);
        Assert.All(only.Received, r => Assert.Equal(WebhookEventTypes.CheckoutCompleted, r.EventType));
        Assert.Equal(3, deliveries.Count);
    }

    // Waits for the event of this type about this object at the all-events receiver; returns its data.
    private async Task<JsonElement> ReceivedAsync(string type, Guid objectId)
    {
        ReceivedWebhook? found = null;
        await WaitAsync(() =>
        {
            found = _receiver.Accepted.FirstOrDefault(r => r.EventType == type &&
                JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("id").GetString() == objectId.ToString());
            return found is not null;
        });
        Assert.Single(_receiver.Accepted, r => r.EventId == found!.EventId);
        return JsonDocument.Parse(found!.Body).RootElement.GetProperty("data").Clone();
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The webhook did not arrive in time.");
            }
            await Task.Delay(50);
        }
    }
}

public sealed class WebhookEventOnSqliteTests() : WebhookEventTests(DatabaseProvider.Sqlite);

public sealed class WebhookEventOnPostgresTests() : WebhookEventTests(DatabaseProvider.Postgres);
