using Microsoft.Extensions.Time.Testing;
using Portal.Admin.Shared;

namespace Portal.Tests.Components.Admin;

public sealed class RefreshThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));
    private int _runs;

    [Fact]
    public void Request_First_RunsAtOnce()
    {
        using var throttle = NewThrottle();

        throttle.Request();
        _time.Advance(TimeSpan.Zero);

        Assert.Equal(1, _runs);
    }

    [Fact]
    public void Request_BurstWithinInterval_RunsOnceMoreAtTheIntervalsEnd()
    {
        using var throttle = NewThrottle();
        throttle.Request();
        _time.Advance(TimeSpan.Zero);

        for (var i = 0; i < 50; i++)
        {
            throttle.Request();
        }
        _time.Advance(TimeSpan.FromMilliseconds(999));
        var beforeInterval = _runs;
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(1, beforeInterval);
        Assert.Equal(2, _runs);
    }

    [Fact]
    public void Dispose_PendingRequest_NeverRuns()
    {
        var throttle = NewThrottle();
        throttle.Request();
        _time.Advance(TimeSpan.Zero);
        throttle.Request();

        throttle.Dispose();
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(1, _runs);
    }

    private RefreshThrottle NewThrottle() => new(TimeSpan.FromSeconds(1), _time, () =>
    {
        Interlocked.Increment(ref _runs);
        return Task.CompletedTask;
    });
}
