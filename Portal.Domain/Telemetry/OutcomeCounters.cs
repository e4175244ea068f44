using System.Diagnostics.Metrics;
using Portal.Domain.Payments;

namespace Portal.Domain.Telemetry;

/// <summary>
/// The three counters of a thing that begins and then succeeds or fails (a payment, a refund), each by method, a
/// failure also by its reason code (<c>error.type</c>): <c>{prefix}.{begun}</c>, <c>{prefix}.succeeded</c>,
/// <c>{prefix}.failed</c>.
/// </summary>
internal sealed class OutcomeCounters(Meter meter, string prefix, string unit, string begun, string begunMeans, string succeededMeans,
    string failedMeans)
{
    private readonly Counter<long> _begun = meter.CreateCounter<long>($"{prefix}.{begun}", unit, begunMeans);
    private readonly Counter<long> _succeeded = meter.CreateCounter<long>($"{prefix}.succeeded", unit, succeededMeans);
    private readonly Counter<long> _failed = meter.CreateCounter<long>($"{prefix}.failed", unit, failedMeans);

    public void Begun(PaymentMethod method) => _begun.Add(1, PortalTelemetry.Method(method));

    public void Succeeded(PaymentMethod method) => _succeeded.Add(1, PortalTelemetry.Method(method));

    public void Failed(PaymentMethod method, KeyValuePair<string, object?> errorType) =>
        _failed.Add(1, PortalTelemetry.Method(method), errorType);
}
