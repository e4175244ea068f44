namespace Portal.Domain.Common;

/// <summary>
/// How a flow writes under version tokens: each attempt loads fresh state in its own unit of work, decides on it and
/// saves; a lost race (<see cref="ConcurrencyConflictException"/>) starts the next attempt after a short pause, up to
/// a limit past which the conflict goes to the caller. An attempt that finds nothing to do simply returns.
/// </summary>
internal sealed class ConflictRetry(int maxRetries)
{
    /// <summary>Runs <paramref name="attempt"/> until it returns, or until it lost more than the limit's races.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var lost = 0; ; lost++)
        {
            try
            {
                return await attempt();
            }
            catch (ConcurrencyConflictException) when (lost < maxRetries)
            {
                await BackoffAsync(lost, cancellationToken);
            }
        }
    }

    // A short random pause after a lost race, so that many writers of one row do not collide again in step.
    // Wall-clock on purpose: it spaces out database writes, it is not business time.
    private static Task BackoffAsync(int lost, CancellationToken cancellationToken) =>
        Task.Delay(Random.Shared.Next(1, 5 + Math.Min(lost, 20)), cancellationToken);
}
