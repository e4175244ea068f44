using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Bus;

/// <summary>
/// Whether the bus reaches Redis. Degraded, not Unhealthy, when it does not: every instance shares the one Redis, so
/// taking them all out of the load balancer would turn a Redis outage into a site outage, while each still takes
/// payments and its pages follow the database.
/// </summary>
internal sealed class RedisHealthCheck(IPortalBus bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bus.IsConnected
            ? HealthCheckResult.Healthy("Connected; live updates reach every instance.")
            : new HealthCheckResult(context.Registration.FailureStatus,
                "Redis is unreachable: live updates from other instances come from the database every few seconds, " +
                "and API rate limits hold per instance until it returns."));
}
