using Portal.Bus;
using Portal.Domain.Refunds;

namespace Portal.LiveUpdates;

/// <summary>
/// The one place a committed refund change is published: to the components of this instance that watch its payment
/// (the payment's detail page), its checkout (the customer's receipt) or its merchant (the refunds list, the
/// approvals queue). They re-render over their own circuits. The other instances hear of it through the bus
/// (<see cref="LiveUpdateRelay"/>).
/// </summary>
public sealed class RefundEvents(IPortalBus bus, ILogger<RefundEvents> logger) : IRefundNotifier
{
    private readonly WatcherRegistry<RefundSnapshot> _watchers = new();

    public IDisposable WatchPayment(Guid paymentId, Func<RefundSnapshot, Task> onChange) => _watchers.Watch($"p:{paymentId}", onChange);

    public IDisposable WatchCheckout(Guid checkoutId, Func<RefundSnapshot, Task> onChange) => _watchers.Watch($"c:{checkoutId}", onChange);

    public IDisposable WatchMerchant(Guid merchantId, Func<RefundSnapshot, Task> onChange) => _watchers.Watch($"m:{merchantId}", onChange);

    public async ValueTask PublishAsync(RefundSnapshot refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (bus.IsEnabled)
        {
            bus.Publish(BusTopic.RefundChanged, new ChangeNotice(refund.RefundId, refund.PaymentId, refund.CheckoutId, refund.MerchantId).ToBytes());
        }
        await NotifyHereAsync(refund);
    }

    internal bool IsWatched(ChangeNotice notice) =>
        _watchers.IsWatched($"p:{notice.PaymentId}") || _watchers.IsWatched($"c:{notice.CheckoutId}") ||
        _watchers.IsWatched($"m:{notice.MerchantId}");

    internal WatchedIds Watched() => new(_watchers.WatchedIds("p:"), _watchers.WatchedIds("c:"), _watchers.WatchedIds("m:"));

    /// <summary>Tells this instance's components only.</summary>
    internal async Task NotifyHereAsync(RefundSnapshot refund)
    {
        var tasks = new List<Task>(4);
        _watchers.Notify($"p:{refund.PaymentId}", refund, tasks);
        _watchers.Notify($"c:{refund.CheckoutId}", refund, tasks);
        _watchers.Notify($"m:{refund.MerchantId}", refund, tasks);
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (Exception ex)
        {
            // A watcher that failed (a closed circuit) must not fail the refund that told it.
            LiveUpdatesLog.RefundPublishFailed(logger, refund.RefundId, ex);
        }
    }
}
