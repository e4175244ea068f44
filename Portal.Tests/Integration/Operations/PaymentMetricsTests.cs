using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Payments;
using Portal.Rails;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Operations;

/// <summary>
/// Payments counted as they really end, once each, through the real flow, the signed HTTP rail and the sandbox bank;
/// read as Prometheus reads them and, for exact counts, from this app's own meters.
/// </summary>
public sealed class PaymentMetricsTests : IAsyncLifetime
{
    private readonly PortalApp _app = new(new Dictionary<string, string?> { ["SandboxBank:FastSettlementDelay"] = "00:00:00.200" });
    private readonly HttpClient _http = new();
    private MeterReadings _readings = null!;

    private IServiceProvider Services => _app.Services;

    private PaymentOutcomes Outcomes => Services.GetRequiredService<PaymentOutcomes>();

    public Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        _readings = new MeterReadings(Services.GetRequiredService<IMeterFactory>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _readings.Dispose();
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Scrape_AfterRealTimePaymentSucceeds_CountsIt()
    {
        await DemoPayments.PaidAsync(Services, 12.34m);

        // This app's meters counted it once. The scrape is the process's view, the sum over every test app alive in it:
        // other apps pay too, and one disposed meanwhile takes its counts out of the sum, so the scrape is compared with
        // this app's own payment only (at least one), never with a figure read before.
        Assert.Equal(1, _readings.Sum("portal.payments.succeeded", ("portal.payment.method", "real_time")));
        var text = await Poll.UntilAsync(async () =>
        {
            var scraped = await _http.GetStringAsync(_app.Url("/metrics"));
            return Succeeded(scraped) >= 1 ? scraped : null;
        }, "the scrape to count the payment");
        Assert.True(PrometheusText.Sum(text, "portal_payment_duration_seconds_count", ("portal_payment_method", "real_time")) >= 1);
        // Buckets in seconds up to half an hour (a QR code approved late), not the default ones made for milliseconds.
        Assert.True(PrometheusText.Sum(text, "portal_payment_duration_seconds_bucket", ("le", "1800")) >= 1);
        Assert.True(PrometheusText.Has(text, "http_server_request_duration_seconds_bucket"));
        Assert.True(PrometheusText.Has(text, "http_client_request_duration_seconds_bucket"));
        Assert.True(PrometheusText.Has(text, "dotnet_gc_collections_total"));
    }

    [Fact]
    public async Task PayRealTime_Succeeded_CountedOnceWithItsDuration()
    {
        await DemoPayments.PaidAsync(Services, 12.34m);

        Assert.Equal(1, _readings.Sum("portal.payments.started", ("portal.payment.method", "real_time")));
        Assert.Equal(1, _readings.Sum("portal.payments.succeeded", ("portal.payment.method", "real_time")));
        Assert.Equal(1, _readings.Count("portal.payment.duration", ("portal.payment.method", "real_time")));
        Assert.Equal(0, _readings.Sum("portal.payments.failed"));
    }

    [Fact]
    public async Task PayRealTime_NotEnoughFunds_CountedFailedWithReasonCode()
    {
        await DemoPayments.AttemptAsync(Services, 12.34m, payerBalance: 5.00m);

        Assert.Equal(1, _readings.Sum("portal.payments.failed", ("portal.payment.method", "real_time"), ("error.type", "AM04")));
        Assert.Equal(0, _readings.Sum("portal.payments.succeeded"));
        Assert.Equal(0, _readings.Count("portal.payment.duration"));
    }

    [Fact]
    public async Task FastPayment_ResultRecordedByCallbackThenByQuery_CountedOnce()
    {
        var (approved, _) = await DemoPayments.AttemptAsync(Services, 20.00m, method: PaymentMethod.Fast);
        await Poll.UntilAsync(async () => await DemoPayments.ReloadAsync(Services, approved.PaymentId) is { Status: PaymentStatus.Succeeded } paid
            ? paid
            : null, "the bank's callback to settle the payment");

        // The reconciler's answer for the same order, arriving after the callback's: published again, counted never.
        var result = await Services.GetRequiredService<HttpPaymentRail>().QueryAsync(approved.PaymentId);
        await Outcomes.RecordRailResultAsync(result!);

        Assert.Equal(1, _readings.Sum("portal.payments.succeeded", ("portal.payment.method", "fast")));
        Assert.Equal(1, _readings.Sum("portal.payments.started", ("portal.payment.method", "fast")));
    }

    private static double Succeeded(string scraped) =>
        PrometheusText.Sum(scraped, "portal_payments_succeeded_total", ("portal_payment_method", "real_time"));
}
