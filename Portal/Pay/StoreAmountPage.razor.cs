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
    private CheckoutLifecycle Checkouts { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    // Written as the customer's culture writes it, which the amount is also read in (12,50 in Spain).
    private string Example => _store?.MinorUnits == 0
        ? 1200.ToString(CultureInfo.InvariantCulture)
        : 12.50m.ToString("F2", CultureInfo.CurrentCulture);

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
        // Digits with at most a decimal separator, the customer's or a point, never a thousands separator: "1,50" is
        // 1.50 to a customer in Spain and no number at all to one in England, and never a hundred and fifty.
        const NumberStyles digits = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;
        if (!decimal.TryParse(text, digits, CultureInfo.CurrentCulture, out var amount) &&
            !decimal.TryParse(text, digits, CultureInfo.InvariantCulture, out amount))
        {
            _error = T["StoreAmountGarbage", Example];
            return;
        }
        Checkout checkout;
        try
        {
            checkout = await Checkouts.CreateStoreCheckoutAsync(StoreToken, amount);
        }
        catch (DomainValidationException)
        {
            _error = AmountRefusal(_store, amount);
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

    // The checkout refused the amount; its reasons are in English, for the merchant's API. The customer reads which of
    // the amount rules it broke (the only ones a store checkout can break) in their own language.
    private string AmountRefusal(StoreView store, decimal amount)
    {
        var currency = Currency.FromCode(store.CurrencyCode);
        if (decimal.Round(amount, currency.MinorUnits) != amount)
        {
            return currency.MinorUnits == 0
                ? T["StoreAmountNoDecimals", currency.Code]
                : T["StoreAmountDecimals", currency.Code, currency.MinorUnits];
        }
        return amount <= 0
            ? T["StoreAmountPositive"]
            : T["StoreAmountTooLarge", Money.FromMinorUnits(store.MaxAmountMinorUnits, currency).Format(CultureInfo.CurrentCulture)];
    }
}
