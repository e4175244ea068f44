using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Domain.Rails;
using Portal.Rails;

namespace Portal.Health;

/// <summary>
/// Whether the rail answers a signed ping with a signed answer now. Registered as Degraded, not Unhealthy, when it does
/// not: the rail is outside Portal and shared by every instance, so taking instances out of the load balancer would
/// turn a rail outage into a whole-site outage, while Portal itself still shows checkouts and receipts, takes the
/// bank's callbacks, and leaves payments sent meanwhile to the reconciler. The answer stays 200 and says Degraded.
/// </summary>
internal sealed class RailHealthCheck(HttpPaymentRail rail) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await rail.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy("Reachable; answers signed.");
        }
        catch (RailUnavailableException e)
        {
            // Portal's own sentences ("The rail could not be reached."), never the transport's, which may name hosts.
            return new HealthCheckResult(context.Registration.FailureStatus, e.Message);
        }
    }
}
