using Microsoft.AspNetCore.Components;
using Portal.Domain.Payments;
using Portal.Identity;
using Portal.LiveUpdates;

namespace Portal.Admin.Payments;

/// <summary>The merchant's payments, newest first, a page at a time, updated live as payments move through their steps.</summary>
public sealed partial class PaymentsPage
{
    private StaffMember? _staff;
    private PaymentFeed? _feed;
    private IDisposable? _subscription;
    private bool _loading = true;
    private bool _live;
    private bool _includeAbandoned;
    private int _pageIndex;

    [Inject]
    private PaymentQueries Payments { get; set; } = default!;

    [Inject]
    private CurrentStaff CurrentStaff { get; set; } = default!;

    [Inject]
    private PaymentEvents Events { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<PaymentsPage> Logger { get; set; } = default!;

    private IReadOnlyList<PaymentRow> Rows => _feed?.Rows ?? [];

    private int PageCount => _feed is null ? 0 : (_feed.TotalCount + PaymentListQuery.DefaultPageSize - 1) / PaymentListQuery.DefaultPageSize;

    private string CountText => _feed!.TotalCount switch
    {
        0 => "No payments",
        1 => "1 payment",
        var n => $"{n} payments",
    };

    protected override async Task OnInitializedAsync()
    {
        _staff = await CurrentStaff.GetAsync();
        await LoadAsync();
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

    private async Task LoadAsync()
    {
        _loading = true;
        var query = new PaymentListQuery(_pageIndex, PaymentListQuery.DefaultPageSize, _includeAbandoned);
        _feed = new PaymentFeed(query, await Payments.ListAsync(query));
        _loading = false;
    }

    private Task OnPaymentChangedAsync(PaymentSnapshot snapshot) => InvokeAsync(() =>
    {
        try
        {
            if (_feed?.Apply(snapshot) == true)
            {
                StateHasChanged();
            }
        }
        catch (Exception ex)
        {
            AdminLog.LiveUpdateFailed(Logger, snapshot.PaymentId, ex);
        }
    });

    private async Task IncludeAbandonedChangedAsync(bool value)
    {
        _includeAbandoned = value;
        _pageIndex = 0;
        await LoadAsync();
    }

    private async Task PageChangedAsync(int page)
    {
        _pageIndex = page - 1;
        await LoadAsync();
    }

    private void OpenPayment(Guid paymentId) => Navigation.NavigateTo($"admin/payments/{paymentId}");
}
