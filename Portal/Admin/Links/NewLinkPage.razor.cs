using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Addresses;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;

namespace Portal.Admin.Links;

/// <summary>Creates a payment link through the domain's flow, then shows it to copy, scan or open.</summary>
public sealed partial class NewLinkPage
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private readonly List<BreadcrumbItem> _breadcrumbs =
    [
        new("Payment links", href: "admin/links"),
        new("New", href: null, disabled: true),
    ];

    private MerchantLinkSettings? _merchant;
    private LinkFormModel _model = new();
    private IReadOnlyDictionary<string, string[]> _errors = NoErrors;
    private Checkout? _created;
    private bool _busy;

    [Inject]
    private LinkActions Actions { get; set; } = default!;

    [Inject]
    private CurrentStaff CurrentStaff { get; set; } = default!;

    [Inject]
    private LinkQueries Links { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private PublicAddresses Addresses { get; set; } = default!;

    [Inject]
    private ILogger<NewLinkPage> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _merchant = await Links.FindSettingsAsync();
        _model = NewModel();
    }

    private async Task CreateAsync()
    {
        if (_busy || _merchant is null)
        {
            return;
        }
        _busy = true;
        try
        {
            var staff = await CurrentStaff.GetAsync();
            var now = Time.GetUtcNow();
            var errors = new Dictionary<string, string[]>();
            if (_model.Expiry == ExpiryChoice.Custom && _model.CustomExpiryDate is null)
            {
                errors[nameof(CheckoutRequest.ExpiresAt)] = ["Choose the expiry date."];
            }
            try
            {
                if (errors.Count == 0)
                {
                    _created = await Actions.CreateAsync(_model.ToRequest(now));
                    _errors = NoErrors;
                    AdminLog.PaymentLinkCreated(Logger, staff.UserId, _created.Id, staff.MerchantId);
                    return;
                }
            }
            catch (DomainValidationException ex)
            {
                foreach (var (field, messages) in ex.Errors)
                {
                    errors[field] = messages;
                }
                AdminLog.PaymentLinkRefused(Logger, staff.MerchantId, string.Join(",", ex.Errors.Keys));
            }
            _errors = errors;
        }
        finally
        {
            _busy = false;
        }
    }

    private void StartOver()
    {
        _created = null;
        _errors = NoErrors;
        _model = NewModel();
    }

    private LinkFormModel NewModel() => _merchant is null
        ? new LinkFormModel()
        : LinkFormModel.WithDefaults(_merchant.CurrencyCode, _merchant.DefaultLinkLifetime, _merchant.DefaultPaymentMethods);

    private string UrlOf(Checkout checkout) => Addresses.For(Navigation.BaseUri).PayPage(checkout.Token).AbsoluteUri;
}
