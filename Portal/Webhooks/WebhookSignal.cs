using Portal.Bus;

namespace Portal.Webhooks;

/// <summary>
/// Wakes the dispatcher when an event was committed or a redelivery asked for, instead of waiting for its poll; with
/// several instances the nudge goes over the bus too, so whichever dispatcher is free picks the work up at once (each
/// delivery is still sent by one, under its claim).
/// </summary>
public sealed class WebhookSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly IPortalBus? _bus;

    public WebhookSignal(IPortalBus? bus = null)
    {
        _bus = bus;
        _bus?.Subscribe(BusTopic.WebhooksDue, _ => NudgeHere());
    }

    public void Nudge()
    {
        NudgeHere();
        if (_bus is { IsEnabled: true })
        {
            _bus.Publish(BusTopic.WebhooksDue, []);
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _signal.WaitAsync(cancellationToken);

    private void NudgeHere()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already nudged by someone else between the check and the release.
        }
    }
}
