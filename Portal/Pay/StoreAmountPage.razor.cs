using System.Globalization;
using Microsoft.AspNetCore.Components;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Pay;

/// <summary>
/// The customer typed an amount after scanning the store QR code: the checkout decides whether it is valid (positive,
/// the currency's minor units, the merchant's maximum); only text that is no number at all is refused here. A valid
/// amount becomes a one-time checkout, and the customer goes on to its page.
/// </summary>
public sealed partial class StoreAmountPage
{
    private StoreView? _store;
    private bool _replaced;
    private string? _error;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Parameter]
    public string StoreToken { get; set; } = "";

    [SupplyParameterFromForm(FormName = "store-amount")]
    private string? Amount { get; set; }

    [Inject]
    private CheckoutQueries Queries { get; set; } = default!;

    [Inject]
    private CheckoutFlow Flow { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private string Example => _store?.MinorUnits == 0 ? "1200" : "12.50";

    protected override async Task OnInitializedAsync()
    {
        _store = await Queries.FindStoreAsync(StoreToken);
        // A replaced code is gone for good (410), which a scanner app or crawler can tell; the customer reads why.
        if (_store is null && await Queries.IsReplacedStoreCodeAsync(StoreToken))
        {
            _replaced = true;
            HttpContext?.Response.StatusCode = StatusCodes.Status410Gone;
        }
    }

    private async Task SubmitAsync()
    {
        if (_store is null or { IsSwitchedOff: true })
        {
            return;
        }
        var text = Amount?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            _error = T["StoreAmountRequired"];
            return;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            _error = T["StoreAmountGarbage", Example];
            return;
        }
        Checkout checkout;
        try
        {
            checkout = await Flow.CreateStoreCheckoutAsync(StoreToken, amount);
        }
        catch (DomainValidationException invalid)
        {
            _error = string.Join(" ", invalid.Errors.SelectMany(e => e.Value));
            return;
        }
        catch (NotFoundException)
        {
            // Renewed or switched off between reading the page and posting it: say what it is now.
            await OnInitializedAsync();
            return;
        }
        // Outside the try: in a static render NavigateTo ends the request with a redirect by throwing.
        Navigation.NavigateTo("pay/" + checkout.Token);
    }
}
