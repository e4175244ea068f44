namespace Portal.Health;

/// <summary>
/// Which endpoint runs a health check: <see cref="Live"/> ones answer <c>/health/live</c>, <see cref="Ready"/> ones
/// <c>/health/ready</c>. A check added later (Redis, say, named "redis") joins readiness by carrying <see cref="Ready"/>;
/// the answer lists it by its name, and an Unhealthy one turns the answer to 503.
/// </summary>
public static class HealthTags
{
    public const string Live = "live";

    public const string Ready = "ready";
}
