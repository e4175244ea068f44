namespace Portal.Payments;

internal static partial class PaymentsLog
{
    [LoggerMessage(EventId = 2001, EventName = "Reconciled", Level = LogLevel.Information,
        Message = "Reconciler finished {Finished} payments, failed {Failed} undelivered ones; {Unreachable} could not be asked about.")]
    public static partial void Reconciled(ILogger logger, int finished, int failed, int unreachable);

    [LoggerMessage(EventId = 2002, EventName = "ReconcileFailed", Level = LogLevel.Error,
        Message = "A reconciliation round failed; the next round tries again.")]
    public static partial void ReconcileFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2003, EventName = "LeaseReleaseFailed", Level = LogLevel.Warning,
        Message = "Could not give up the reconciler's leases at stop; another instance takes them over when they lapse.")]
    public static partial void LeaseReleaseFailed(ILogger logger, Exception exception);
}
