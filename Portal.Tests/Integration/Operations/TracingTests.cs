using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Portal.Tests.Builders;

namespace Portal.Tests.Integration.Operations;

/// <summary>
/// A payment's trace as a collector receives it when OTLP is configured: the flow's span, the rail's HTTP call as its
/// child, and the bank's side of that call joined to it through the W3C traceparent header it carried.
/// </summary>
public sealed class TracingTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ExtendedPortalApp _app;

    // OTLP configured (to a port where nothing listens), and every span Portal ends kept for the test.
    public TracingTests() => _app = new ExtendedPortalApp(
        builder => builder.ConfigureServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new Keeper(_spans)))),
        new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{UnusedPort.Find()}" });

    private IServiceProvider Services => _app.Services;

    public Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PayRealTime_RailRequest_CarriesTheFlowsTraceToTheBank()
    {
        var (paymentId, _) = await PayAsync();

        var flow = await SpanAsync(s => s.Source.Name == "Portal.Payments" && s.DisplayName == "payment.pay" &&
                                        (s.GetTagItem("portal.payment.id") as string) == paymentId.ToString(), "the flow's span");
        var railCall = await SpanAsync(s => s.Kind == ActivityKind.Client && s.ParentSpanId == flow.SpanId &&
                                            (s.GetTagItem("url.full") as string)?.EndsWith("/sandbox/bank/v1/orders", StringComparison.Ordinal) == true,
            "the rail's HTTP call inside the flow's span");
        var bankSide = await SpanAsync(s => s.Kind == ActivityKind.Server && s.ParentSpanId == railCall.SpanId, "the bank's side of the call");

        Assert.Equal(flow.TraceId, railCall.TraceId);
        Assert.Equal(flow.TraceId, bankSide.TraceId);
        Assert.Equal("/sandbox/bank/v1/orders", bankSide.GetTagItem("url.path"));
    }

    [Fact]
    public async Task PayRealTime_Spans_CarryNoPinNorAccountNumber()
    {
        var (paymentId, payer) = await PayAsync();
        var flow = await SpanAsync(s => s.DisplayName == "payment.pay" &&
                                        (s.GetTagItem("portal.payment.id") as string) == paymentId.ToString(), "the flow's span");
        await SpanAsync(s => s.Kind == ActivityKind.Server && s.TraceId == flow.TraceId, "the bank's side of the call");

        var values = _spans.Where(s => s.TraceId == flow.TraceId)
            .SelectMany(s => s.TagObjects.Select(tag => tag.Value?.ToString() ?? "").Append(s.DisplayName))
            .ToList();
        Assert.DoesNotContain(values, value => value.Contains(payer, StringComparison.Ordinal));
        Assert.DoesNotContain(values, value => value.Contains("123456", StringComparison.Ordinal));
    }

    private async Task<(Guid PaymentId, string Payer)> PayAsync()
    {
        var (payment, payer) = await DemoPayments.PaidAsync(Services, 12.34m);
        return (payment.PaymentId, payer);
    }

    // Spans end on other threads (the bank's request ends after the client has its answer): ask until it is there.
    private Task<Activity> SpanAsync(Func<Activity, bool> match, string what) =>
        Poll.UntilAsync(() => Task.FromResult(_spans.FirstOrDefault(match)), what, TimeSpan.FromSeconds(10));

    private sealed class Keeper(ConcurrentQueue<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => spans.Enqueue(data);
    }
}
