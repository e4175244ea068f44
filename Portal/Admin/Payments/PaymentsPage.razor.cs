using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Identity;
using Portal.LiveUpdates;

namespace Portal.Admin.Payments;

/// <summary>
/// The merchant's payments: the filter lives in the URL (so a view can be shared and reloaded), the grid pages and
/// sorts in the database, and changes arrive live from the merchant's payment stream.
/// </summary>
public sealed partial class PaymentsPage
{
    private StaffMember? _staff;
    private PaymentGrid? _grid;
    private IDisposable? _subscription;
    private bool _live;
    private string _currencyCode = "CNY";
    private PaymentFilter _filter = PaymentFilter.None;
    private IReadOnlyDictionary<string, string[]> _problems = new Dictionary<string, string[]>();

    [Inject]
    private CurrentStaff CurrentStaff { get; set; } = default!;

    [Inject]
    private MerchantQueries Merchants { get; set; } = default!;

    [Inject]
    private PaymentEvents Events { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<PaymentsPage> Logger { get; set; } = default!;

    private string ExportHref => _filter.IsEmpty
        ? PaymentExportEndpoints.Path.TrimStart('/')
        : $"{PaymentExportEndpoints.Path.TrimStart('/')}?{_filter.ToQueryString()}";

    protected override async Task OnInitializedAsync()
    {
        _staff = await CurrentStaff.GetAsync();
        _currencyCode = (await Merchants.FindCurrentAsync())?.CurrencyCode ?? _currencyCode;
    }

    // Runs on every navigation to this page, including a new query string from the filter bar or the back button.
    protected override void OnParametersSet()
    {
        var query = QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query);
        var reading = PaymentFilterReader.Read(query, Currency.FromCode(_currencyCode));
        _filter = reading.Filter;
        _problems = reading.Problems;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Only the interactive render subscribes: a prerender has no circuit to push to.
        if (firstRender && RendererInfo.IsInteractive && _staff is not null)
        {
            _subscription = Events.WatchMerchant(_staff.MerchantId, OnPaymentChangedAsync);
            _live = true;
            StateHasChanged();
        }
    }

    public void Dispose() => _subscription?.Dispose();

    private Task OnPaymentChangedAsync(PaymentSnapshot snapshot) => InvokeAsync(async () =>
    {
        try
        {
            if (_grid is not null)
            {
                await _grid.ApplyAsync(snapshot);
            }
        }
        catch (Exception ex)
        {
            AdminLog.LiveUpdateFailed(Logger, snapshot.PaymentId, ex);
        }
    });

    private void ApplyFilter(PaymentFilter filter)
    {
        var query = filter.ToQueryString();
        Navigation.NavigateTo(query.Length == 0 ? "admin/payments" : $"admin/payments?{query}");
    }
}
