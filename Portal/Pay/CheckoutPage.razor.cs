using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Portal.Pay;

/// <summary>
/// The customer's checkout at /pay/{token}, rendered statically: the layout, title and language switch never change
/// while a customer waits, so they cost no circuit. Only the <see cref="CheckoutCard"/> is interactive, and only while
/// the checkout can still change; a paid, expired, closed, locked or unknown link is a static page with no circuit.
/// </summary>
/// <remarks>
/// Thousands of customers wait on this page at once for a fast payment's result, each holding a circuit: its size is
/// the card's render tree and not the router's, layout's and head's (see README, "Waiting checkout pages").
/// </remarks>
public sealed partial class CheckoutPage
{
    private CheckoutView? _view;
    private IComponentRenderMode? _cardRenderMode;
    private bool _loaded;

    [Parameter]
    public string Token { get; set; } = "";

    [Inject]
    private CheckoutQueries Queries { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private string Title => _view is null ? "Portal" : $"{T["Title", _view.MerchantName]} · Portal";

    protected override async Task OnParametersSetAsync()
    {
        _view = await Queries.FindAsync(Token);
        _cardRenderMode = CheckoutStages.IsFinal(_view, Time.GetUtcNow()) ? null : RenderMode.InteractiveServer;
        _loaded = true;
    }
}
