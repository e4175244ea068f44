using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.SignalR;
using Portal.Bus;
using Portal.Domain.Payments;
using Portal.Domain.Telemetry;

namespace Portal.LiveUpdates;

/// <summary>
/// The one place a committed payment change is published: to the Blazor components of this instance that watch the
/// payment, its checkout or its merchant (in-process, they re-render over their own circuit), to SignalR clients of
/// <see cref="PaymentsHub"/> in the matching groups (on every instance, through the hub's backplane when there are
/// several), and as a <see cref="ChangeNotice"/> on the bus, from which <see cref="LiveUpdateRelay"/> tells the
/// components of the other instances. Watchers of one payment are found by key, never by scanning all.
/// </summary>
public sealed class PaymentEvents : IPaymentNotifier
{
    private const string CheckoutKey = "c:";
    private const string MerchantKey = "m:";
    private const string PaymentKey = "p:";

    private readonly WatcherRegistry<PaymentSnapshot> _watchers = new();
    private readonly IHubContext<PaymentsHub, IPaymentsClient> _hub;
    private readonly IPortalBus _bus;
    private readonly ILogger<PaymentEvents> _logger;

    public PaymentEvents(IHubContext<PaymentsHub, IPaymentsClient> hub, IPortalBus bus, ILogger<PaymentEvents> logger, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _hub = hub;
        _bus = bus;
        _logger = logger;
        // Counted when scraped, from the watchers themselves: nothing is added to opening a page or to a push.
        meters.Create(PortalTelemetry.MeterName).CreateObservableUpDownCounter("portal.checkout.active_pages",
            () => _watchers.Count(CheckoutKey), "{page}",
            "Checkout pages of this instance open on a circuit and watching their checkout for the payment's next step.");
    }

    public IDisposable WatchCheckout(Guid checkoutId, Func<PaymentSnapshot, Task> onChange) => _watchers.Watch($"{CheckoutKey}{checkoutId}", onChange);

    public IDisposable WatchMerchant(Guid merchantId, Func<PaymentSnapshot, Task> onChange) => _watchers.Watch($"{MerchantKey}{merchantId}", onChange);

    public IDisposable WatchPayment(Guid paymentId, Func<PaymentSnapshot, Task> onChange) => _watchers.Watch($"{PaymentKey}{paymentId}", onChange);

    public async ValueTask PublishAsync(PaymentSnapshot payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var update = PaymentUpdate.From(payment);
        SendWithoutWaiting(_hub.Clients.Group(PaymentsHub.CheckoutGroup(payment.CheckoutToken)).PaymentUpdated(PaymentUpdate.ForCustomer(payment)),
            payment.PaymentId);
        SendWithoutWaiting(_hub.Clients.Group(PaymentsHub.MerchantGroup(payment.MerchantId)).PaymentUpdated(update), payment.PaymentId);
        if (_bus.IsEnabled)
        {
            _bus.Publish(BusTopic.PaymentChanged,
                new ChangeNotice(payment.PaymentId, payment.PaymentId, payment.CheckoutId, payment.MerchantId).ToBytes());
        }
        await NotifyHereAsync(payment);
    }

    /// <summary>Whether a component of this instance watches the payment, its checkout or its merchant.</summary>
    internal bool IsWatched(ChangeNotice notice) =>
        _watchers.IsWatched($"{CheckoutKey}{notice.CheckoutId}") || _watchers.IsWatched($"{MerchantKey}{notice.MerchantId}") ||
        _watchers.IsWatched($"{PaymentKey}{notice.PaymentId}");

    /// <summary>What this instance's components watch, for reading what they missed while the bus was down.</summary>
    internal WatchedIds Watched() =>
        new(_watchers.WatchedIds(PaymentKey), _watchers.WatchedIds(CheckoutKey), _watchers.WatchedIds(MerchantKey));

    /// <summary>Tells this instance's components only: the change came from another instance, whose hub sends went out there.</summary>
    internal async Task NotifyHereAsync(PaymentSnapshot payment)
    {
        var tasks = new List<Task>(4);
        _watchers.Notify($"{CheckoutKey}{payment.CheckoutId}", payment, tasks);
        _watchers.Notify($"{MerchantKey}{payment.MerchantId}", payment, tasks);
        _watchers.Notify($"{PaymentKey}{payment.PaymentId}", payment, tasks);
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (Exception ex)
        {
            // A watcher that failed (a closed circuit, a dropped connection) must not fail the payment that told it.
            LiveUpdatesLog.PublishFailed(_logger, payment.PaymentId, ex);
        }
    }

    // The hub's clients are sent to without waiting for them. A client that stopped reading (a dashboard in a laptop
    // gone to sleep) fills its buffer, and a send to it then waits until SignalR drops it (ClientTimeoutInterval, 30 s):
    // no payment may wait for that, nor the rail results queued behind it (RailResultQueue). Sends to one connection
    // still leave in order, each taking that connection's write lock in turn. The in-process watchers above are
    // awaited: a circuit only queues its render, it never waits for its browser.
    private void SendWithoutWaiting(Task send, Guid paymentId)
    {
        if (send.IsCompletedSuccessfully)
        {
            return;
        }
        _ = send.ContinueWith(failed => LiveUpdatesLog.PublishFailed(_logger, paymentId, failed.Exception!), CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
