namespace DemoShop.Orders;

public static class OrdersExtensions
{
    public static IHostApplicationBuilder AddOrders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ShopOptions>()
            .BindConfiguration(ShopOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OrderStore>();
        return builder;
    }

    /// <summary>
    /// <c>GET /orders/{id}/status</c>: what the order page polls while it waits for Portal's webhook (a page refresh would
    /// do too; this keeps the page still).
    /// </summary>
    public static IEndpointRouteBuilder MapOrderStatus(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/orders/{id:guid}/status", async Task<IResult> (Guid id, OrderStore orders, CancellationToken cancellationToken) =>
            await orders.FindAsync(id, cancellationToken) is { } order
                ? TypedResults.Ok(new { status = order.Status.ToString(), revision = order.Revision })
                : TypedResults.NotFound());
        return endpoints;
    }
}
