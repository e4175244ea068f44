using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Data;

namespace Portal.Health;

/// <summary>
/// Ready when Portal's database is current (<see cref="DatabaseStatus"/>, as startup last found it) and reachable now:
/// without it Portal can show no checkout and record no payment. The descriptions name no server and no connection
/// string: the answer is public.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<PortalDbContext> contexts, DatabaseStatus status) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!status.IsReady)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, status.Reason);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The same live test as EF Core's own DbContext check. On PostgreSQL it opens a connection outside the pool, so
        // that a pooled connection left from before a database restart cannot make a server that is back look down.
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Reachable; schema current.")
            : new HealthCheckResult(context.Registration.FailureStatus, "Not reachable now.");
    }
}
