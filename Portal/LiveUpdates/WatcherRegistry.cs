using System.Collections.Concurrent;
using System.Globalization;

namespace Portal.LiveUpdates;

/// <summary>
/// In-process watchers of one kind of change, found by key (a payment, a checkout, a merchant), never by scanning all.
/// Each watcher's handler runs in the culture it subscribed in: a push runs on the publisher's flow (a bank callback,
/// another user's circuit), and a Chinese page must still re-render in Chinese.
/// </summary>
public sealed class WatcherRegistry<T>
{
    private readonly ConcurrentDictionary<string, Watchers> _watchers = new();

    public IDisposable Watch(string key, Func<T, Task> onChange)
    {
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

    /// <summary>Starts every handler watching <paramref name="key"/> and adds its task to <paramref name="tasks"/>.</summary>
    public void Notify(string key, T change, List<Task> tasks)
    {
        if (_watchers.TryGetValue(key, out var watchers))
        {
            foreach (var onChange in watchers.Snapshot())
            {
                tasks.Add(onChange(change));
            }
        }
    }

    public bool IsWatched(string key) => _watchers.ContainsKey(key);

    /// <summary>
    /// The ids of the watched keys that start with <paramref name="keyPrefix"/>, each followed by an id. A walk over
    /// every key: for catching up after the bus was down, never for a push.
    /// </summary>
    public List<Guid> WatchedIds(string keyPrefix)
    {
        var ids = new List<Guid>();
        foreach (var key in _watchers.Keys)
        {
            if (key.StartsWith(keyPrefix, StringComparison.Ordinal) && Guid.TryParse(key.AsSpan(keyPrefix.Length), out var id))
            {
                ids.Add(id);
            }
        }
        return ids;
    }

    /// <summary>
    /// How many handlers watch keys that start with <paramref name="keyPrefix"/>. A walk over every key: for a metrics
    /// scrape every few seconds, never for a push.
    /// </summary>
    public int Count(string keyPrefix)
    {
        var count = 0;
        foreach (var (key, watchers) in _watchers)
        {
            if (key.StartsWith(keyPrefix, StringComparison.Ordinal))
            {
                count += watchers.Snapshot().Length;
            }
        }
        return count;
    }

    // The async wrapper keeps the change of culture to itself: the publisher's culture is untouched when it returns.
    private static Func<T, Task> WithCulture(Func<T, Task> onChange, CultureInfo culture, CultureInfo uiCulture) =>
        async change =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            await onChange(change);
        };

    private sealed class Watchers
    {
        private readonly Lock _lock = new();
        private Func<T, Task>[] _items = [];

        public Func<T, Task>[] Snapshot() => Volatile.Read(ref _items);

        public void Add(Func<T, Task> item)
        {
            lock (_lock)
            {
                _items = [.. _items, item];
            }
        }

        /// <summary>Removes one watcher; true when none is left.</summary>
        public bool Remove(Func<T, Task> item)
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
