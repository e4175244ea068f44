using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
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
    private const string Route = "admin/payments";
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
        ReadFilterFromAddress();
        // The router keeps this page when only the query changes (Apply, Enter, the back button) and, the page having no
        // parameters, never sets them again: the address is the filter, so follow it.
        Navigation.LocationChanged += OnLocationChanged;
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

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _subscription?.Dispose();
    }

    private void ReadFilterFromAddress()
    {
        var query = QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query);
        var reading = PaymentFilterReader.Read(query, Currency.FromCode(_currencyCode));
        _filter = reading.Filter;
        _problems = reading.Problems;
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs args)
    {
        // Leaving for another page (a row's detail) disposes this one; only a new query on this page changes the filter.
        if (!string.Equals(Navigation.ToBaseRelativePath(args.Location).Split('?', '#')[0].TrimEnd('/'), Route, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        _ = InvokeAsync(() =>
        {
            ReadFilterFromAddress();
            StateHasChanged();
        });
    }

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
        Navigation.NavigateTo(query.Length == 0 ? Route : $"{Route}?{query}");
    }
}
