using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Operations;

/// <summary>
/// PostgreSQL goes down while a payment is between steps 4 and 6 and comes back: readiness follows it, and the
/// reconciler finishes the payment once, with the one debit the bank made.
/// </summary>
/// <remarks>
/// The bank commits the order at once and withholds its answer (lost response) until Portal stops waiting, so step 6
/// can only come from the reconciler asking the bank after the database is back. With an answer that merely came late,
/// EF Core's retrying strategy would let the request in flight save step 6 itself as soon as the database returned.
/// </remarks>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private PostgresServer _postgres = null!;
    private PortalApp _app = null!;
    private MeterReadings _readings = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync(durable: true);
        await _postgres.CreateDatabaseAsync("portal");
        _app = new PortalApp(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = _postgres.ConnectionString("portal"),
            ["SandboxBank:LostResponseRate"] = "1",
            ["SandboxBank:LostResponseDelay"] = "00:01:00",
            ["Rail:Timeout"] = "00:00:02",
            ["Payments:ReconcileAfter"] = "00:00:01",
            ["Reconciler:Interval"] = "00:00:00.500",
        });
        _ = _app.BaseAddress;
        _readings = new MeterReadings(Services.GetRequiredService<IMeterFactory>());
    }

    public async Task DisposeAsync()
    {
        _readings.Dispose();
        _http.Dispose();
        await _app.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task Ready_PostgresCrashedMidPayment_FalseUntilItReturnsThenPaymentFinishedOnce()
    {
        var flow = Services.GetRequiredService<PaymentFlow>();
        var payer = await BankBook.OpenPayerAsync(Services, 100.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 42.00m);
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var paying = flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");
        await Poll.UntilAsync(async () => (await DemoCheckouts.PaymentsOfAsync(Services, checkout.Id))
            .SingleOrDefault(p => p.Step == PaymentStep.OrderSent), "step 4 to be saved");

        await _postgres.CrashAsync();
        var down = await Poll.UntilAsync(async () => await ReadyAsync() is { StatusCode: HttpStatusCode.ServiceUnavailable } answer ? answer : null,
            "readiness to fail");
        // Portal gave up waiting for the bank meanwhile; the payment is still at step 4.
        Assert.Equal(PaymentStep.OrderSent, (await paying).Step);
        await _postgres.StartAgainAsync();
        await Poll.UntilAsync(async () => await ReadyAsync() is { StatusCode: HttpStatusCode.OK } answer ? answer : null,
            "readiness to recover");

        var finished = await Poll.UntilAsync(async () => (await DemoCheckouts.PaymentsOfAsync(Services, checkout.Id))
            .SingleOrDefault(p => p is { Status: PaymentStatus.Succeeded, NotifiedAt: not null }), "the reconciler to finish the payment");
        Assert.Equal("Unhealthy", down.Checks["database"].Status);
        Assert.Equal(started.PaymentId, finished.Id);
        Assert.Equal(1, await BankBook.LedgerTransactionsForAsync(Services, finished.Id));
        Assert.Equal(100_00 - 42_00, await BankBook.BalanceAsync(Services, payer));
        Assert.Equal(1, _readings.Sum("portal.payments.succeeded"));
    }

    private Task<HealthAnswer> ReadyAsync() => HealthAnswer.GetAsync(_http, _app.Url("/health/ready"));
}
