namespace Portal.Tests.Infrastructure;

/// <summary>
/// Waits for a state that work in the background reaches (a delivery sent, a claim taken over), by asking for it again
/// and again; the deadline only ends a test whose state never comes, it is not what the test waits for.
/// </summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The expected state was not reached in time.");
            }
            await Task.Delay(100);
        }
    }
}
