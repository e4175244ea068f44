using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Portal.Domain.Payments;

namespace Portal.LiveUpdates;

/// <summary>
/// The one place a committed payment change is published: to the Blazor components of this instance that watch the
/// payment, its checkout or its merchant (in-process, they re-render over their own circuit), and to SignalR clients of
/// <see cref="PaymentsHub"/> in the matching groups. Watchers of one payment are found by key, never by scanning all.
/// </summary>
public sealed class PaymentEvents(IHubContext<PaymentsHub, IPaymentsClient> hub, ILogger<PaymentEvents> logger) : IPaymentNotifier
{
    private readonly ConcurrentDictionary<string, Watchers> _watchers = new();

    public IDisposable WatchCheckout(Guid checkoutId, Func<PaymentSnapshot, Task> onChange) => Watch($"c:{checkoutId}", onChange);

    public IDisposable WatchMerchant(Guid merchantId, Func<PaymentSnapshot, Task> onChange) => Watch($"m:{merchantId}", onChange);

    public IDisposable WatchPayment(Guid paymentId, Func<PaymentSnapshot, Task> onChange) => Watch($"p:{paymentId}", onChange);

    public async ValueTask PublishAsync(PaymentSnapshot payment, CancellationToken cancellationToken = default)
    {
        var update = PaymentUpdate.From(payment);
        var tasks = new List<Task>(6)
        {
            hub.Clients.Group(PaymentsHub.CheckoutGroup(payment.CheckoutToken)).PaymentUpdated(update),
            hub.Clients.Group(PaymentsHub.MerchantGroup(payment.MerchantId)).PaymentUpdated(update),
        };
        Notify($"c:{payment.CheckoutId}", payment, tasks);
        Notify($"m:{payment.MerchantId}", payment, tasks);
        Notify($"p:{payment.PaymentId}", payment, tasks);
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (Exception ex)
        {
            // A watcher that failed (a closed circuit, a dropped connection) must not fail the payment that told it.
            LiveUpdatesLog.PublishFailed(logger, payment.PaymentId, ex);
        }
    }

    private void Notify(string key, PaymentSnapshot payment, List<Task> tasks)
    {
        if (_watchers.TryGetValue(key, out var watchers))
        {
            foreach (var onChange in watchers.Snapshot())
            {
                tasks.Add(onChange(payment));
            }
        }
    }

    private IDisposable Watch(string key, Func<PaymentSnapshot, Task> onChange)
    {
        // A push runs on the publisher's flow (a bank callback, another customer's circuit), whose culture is not the
        // watcher's: carry the watcher's own culture to its handler, so a Chinese page re-renders in Chinese.
        // The async wrapper keeps the change to itself: the publisher's culture is untouched when it returns.
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        onChange = WithCulture(onChange, culture, uiCulture);
        var watchers = _watchers.GetOrAdd(key, _ => new Watchers());
        watchers.Add(onChange);
        return new Subscription(() =>
        {
            if (watchers.Remove(onChange))
            {
                _watchers.TryRemove(new KeyValuePair<string, Watchers>(key, watchers));
            }
        });
    }

    private static Func<PaymentSnapshot, Task> WithCulture(Func<PaymentSnapshot, Task> onChange, CultureInfo culture,
        CultureInfo uiCulture) => async payment =>
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
        await onChange(payment);
    };

    private sealed class Watchers
    {
        private readonly object _lock = new();
        private Func<PaymentSnapshot, Task>[] _items = [];

        public Func<PaymentSnapshot, Task>[] Snapshot() => Volatile.Read(ref _items);

        public void Add(Func<PaymentSnapshot, Task> item)
        {
            lock (_lock)
            {
                _items = [.. _items, item];
            }
        }

        /// <summary>Removes one watcher; true when none is left.</summary>
        public bool Remove(Func<PaymentSnapshot, Task> item)
        {
            lock (_lock)
            {
                _items = _items.Where(i => i != item).ToArray();
                return _items.Length == 0;
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
