using System.Text.Json;
using DemoShop.Catalog;
using Microsoft.Extensions.Options;

namespace DemoShop.Orders;

/// <summary>
/// The shop's own storage: a JSON file in its data folder, read once and rewritten (atomically, via a temporary file)
/// after every change. One lock orders all changes, so a webhook and a customer's click never lose each other's write.
/// A real shop would use its database; the sample keeps to files so that it needs nothing but the SDK.
/// </summary>
public sealed class OrderStore(IOptions<ShopOptions> options, IHostEnvironment environment, TimeProvider time)
{
    // Enough to recognise any redelivery within Portal's 3-day retry window at a demo's pace.
    private const int HandledEventsKept = 10_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly string _path = Path.Combine(
        Path.GetFullPath(options.Value.DataDirectory, environment.ContentRootPath), "orders.json");
    private OrderBook? _book;

    public async Task<Order> PlaceAsync(Product product, CancellationToken cancellationToken = default)
    {
        return await ChangeAsync(book =>
        {
            book.LastNumber++;
            var order = Order.Place(book.LastNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), product, time.GetUtcNow());
            book.Orders.Add(order);
            return Copy(order)!;
        }, cancellationToken);
    }

    public async Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return Copy((await LoadAsync(cancellationToken)).Orders.FirstOrDefault(o => o.Id == id));
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<IReadOnlyList<Order>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return (await LoadAsync(cancellationToken)).Orders.OrderByDescending(o => o.CreatedAt).Take(count).Select(o => Copy(o)!).ToList();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Changes one order; null when there is no such order.</summary>
    public Task<Order?> UpdateAsync(Guid id, Action<Order> change, CancellationToken cancellationToken = default) =>
        ChangeAsync(book =>
        {
            var order = book.Orders.FirstOrDefault(o => o.Id == id);
            if (order is not null)
            {
                change(order);
            }
            return Copy(order);
        }, cancellationToken);

    /// <summary>
    /// Applies a Portal event to the orders exactly once per event id: false, and nothing changes, when that id was
    /// handled before. The change and the id are saved together, so a crash cannot keep one without the other.
    /// </summary>
    public Task<bool> HandleEventOnceAsync(string eventId, Action<IReadOnlyList<Order>> apply, CancellationToken cancellationToken = default) =>
        ChangeAsync(book =>
        {
            if (book.HandledEventIds.Contains(eventId))
            {
                return false;
            }
            apply(book.Orders);
            book.HandledEventIds.Add(eventId);
            if (book.HandledEventIds.Count > HandledEventsKept)
            {
                book.HandledEventIds.RemoveRange(0, book.HandledEventIds.Count - HandledEventsKept);
            }
            return true;
        }, cancellationToken);

    // Pages get copies: a webhook may change the stored order while a page is still reading it.
    private static Order? Copy(Order? order) =>
        order is null ? null : JsonSerializer.Deserialize<Order>(JsonSerializer.SerializeToUtf8Bytes(order, Json), Json);

    private async Task<T> ChangeAsync<T>(Func<OrderBook, T> change, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var book = await LoadAsync(cancellationToken);
            var result = change(book);
            await SaveAsync(book, cancellationToken);
            return result;
        }
        catch
        {
            // The change may be half-applied in memory: read the file again next time, as it is what counts.
            _book = null;
            throw;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<OrderBook> LoadAsync(CancellationToken cancellationToken)
    {
        if (_book is not null)
        {
            return _book;
        }
        if (!File.Exists(_path))
        {
            return _book = new OrderBook();
        }
        await using var stream = File.OpenRead(_path);
        return _book = await JsonSerializer.DeserializeAsync<OrderBook>(stream, Json, cancellationToken) ?? new OrderBook();
    }

    private async Task SaveAsync(OrderBook book, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = _path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, book, Json, cancellationToken);
        }
        File.Move(temporary, _path, overwrite: true);
    }
}
