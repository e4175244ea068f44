namespace DemoShop.Orders;

/// <summary>Everything the shop stores, as one JSON document (data/orders.json).</summary>
public sealed class OrderBook
{
    public int LastNumber { get; set; } = 1000;

    public List<Order> Orders { get; set; } = [];

    /// <summary>Ids of the Portal events already handled, newest last: Portal delivers at least once, so repeats come.</summary>
    public List<string> HandledEventIds { get; set; } = [];
}
