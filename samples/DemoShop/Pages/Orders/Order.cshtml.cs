using DemoShop.Orders;
using DemoShop.PortalApi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DemoShop.Pages.Orders;

public sealed class OrderModel(OrderStore orders, PortalCheckouts portal, TimeProvider time) : PageModel
{
    public Order Order { get; private set; } = null!;

    /// <summary>Why Portal could not take the payment just now (unreachable, or refused the checkout).</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await orders.FindAsync(id, cancellationToken) is not { } order)
        {
            return NotFound();
        }
        Order = order;
        return Page();
    }

    /// <summary>"Pay": sends the customer to Portal's checkout for this order, made once through the API.</summary>
    public async Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await orders.FindAsync(id, cancellationToken) is not { } order)
        {
            return NotFound();
        }
        if (order.IsPaid)
        {
            return Redirect($"/orders/{id}");
        }
        // A checkout still open is paid there again after a failed attempt; a new one only once it has expired.
        if (order.OpenCheckoutUrl(time.GetUtcNow()) is { } open)
        {
            return Redirect(open.AbsoluteUri);
        }

        var returnUrl = new Uri($"{Request.Scheme}://{Request.Host}/orders/{id}");
        try
        {
            var checkout = await portal.CreateAsync(order, returnUrl, cancellationToken);
            await orders.UpdateAsync(id, o => o.AttachCheckout(checkout.Id, checkout.Url, checkout.ExpiresAt), cancellationToken);
            return Redirect(checkout.Url.AbsoluteUri);
        }
        catch (PortalApiException e)
        {
            Order = order;
            Problem = e.Message;
            return Page();
        }
    }
}
