namespace Portal.Data;

/// <summary>
/// A whole job (the reconciler, the expiry sweep, the idempotency purge) held by one instance until
/// <see cref="ExpiresAt"/>, an instant on the database's clock. The holder renews it each round; when it dies, the
/// lease runs out and another instance takes the job over.
/// </summary>
public sealed class WorkLease
{
    public const int NameMaxLength = 60;

    public string Name { get; init; } = "";

    /// <summary>The <see cref="InstanceIdentity"/> of the instance that holds (or last held) the job.</summary>
    public string Holder { get; init; } = "";

    public DateTimeOffset ExpiresAt { get; init; }
}
