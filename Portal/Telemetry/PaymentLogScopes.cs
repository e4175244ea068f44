using System.Diagnostics;
using Portal.Domain.Telemetry;

namespace Portal.Telemetry;

/// <summary>
/// Without a trace exporter nobody listens to the payment flow's spans, and a span nobody listens to is never made;
/// but its attributes are what puts the payment id into the scope of every log line written inside a flow operation
/// (an EF Core error while saving a step, the rail's HTTP client). This listener makes them, unrecorded: one small
/// object per flow operation, and nothing at all on requests that are not about a payment.
/// </summary>
internal sealed class PaymentLogScopes : IHostedService, IDisposable
{
    private ActivityListener? _listener;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PortalTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(_listener);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _listener = null;
    }
}
