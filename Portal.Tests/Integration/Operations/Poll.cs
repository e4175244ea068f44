namespace Portal.Tests.Integration.Operations;

/// <summary>Waits for a condition by asking again, never by sleeping a fixed time; fails with what it waited for.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string waitingFor, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await probe() is { } found)
                {
                    return found;
                }
            }
            catch (Exception e)
            {
                // A probe may fail while what it reads is away (a stopped database): ask again.
                last = e;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Timed out waiting for {waitingFor}.", last);
    }
}
