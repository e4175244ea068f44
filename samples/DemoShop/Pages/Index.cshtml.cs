using DemoShop.Catalog;
using DemoShop.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DemoShop.Pages;

public sealed class IndexModel(OrderStore orders) : PageModel
{
    public IReadOnlyList<Order> RecentOrders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        RecentOrders = await orders.RecentAsync(5, cancellationToken);

    /// <summary>"Buy now": places the order and shows it, ready to pay.</summary>
    public async Task<IActionResult> OnPostBuyAsync(string productId, CancellationToken cancellationToken)
    {
        if (ProductCatalog.Find(productId) is not { } product)
        {
            return NotFound();
        }
        var order = await orders.PlaceAsync(product, cancellationToken);
        return Redirect($"/orders/{order.Id}");
    }
}
