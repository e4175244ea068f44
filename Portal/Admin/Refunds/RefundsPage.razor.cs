using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Admin.Paging;
using Portal.Domain.Refunds;
using Portal.Identity;
using Portal.LiveUpdates;

namespace Portal.Admin.Refunds;

/// <summary>
/// The merchant's refunds, newest first, a page at a time from a key (Newer / Older, no page numbers), filtered by
/// status and day in the database. A pushed change reloads the page shown from the same place: with filters and
/// paging, only the database knows whether a refund belongs on it.
/// </summary>
public sealed partial class RefundsPage
{
    private StaffMember? _staff;
    private RefundList? _list;
    private IDisposable? _subscription;
    private RefundStatus? _status;
    private DateRange? _range;
    private bool _loading = true;
    private bool _live;
    private PageRequest _request = PageRequest.Newest;
    private int _loadSequence;

    [Inject]
    private RefundQueries Queries { get; set; } = default!;

    [Inject]
    private CurrentStaff CurrentStaff { get; set; } = default!;

    [Inject]
    private RefundEvents Events { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<RefundsPage> Logger { get; set; } = default!;

    private IReadOnlyList<RefundView> Rows => _list?.Rows ?? [];

    private bool Filtered => _status is not null || _range?.Start is not null || _range?.End is not null;

    private string CountText => _list!.Count.Describe("refund", "refunds");

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
            _subscription = Events.WatchMerchant(_staff.MerchantId, OnRefundChangedAsync);
            _live = true;
            StateHasChanged();
        }
    }

    public void Dispose() => _subscription?.Dispose();

    // Loads may overlap (a push during a filter change); only the last one started may show.
    private async Task LoadAsync()
    {
        var sequence = ++_loadSequence;
        _loading = true;
        var query = new RefundListQuery(_request, RefundListQuery.DefaultPageSize, _status,
            _range?.Start is { } start ? DateOnly.FromDateTime(start) : null,
            _range?.End is { } end ? DateOnly.FromDateTime(end) : null);
        var list = await Queries.ListAsync(query);
        if (sequence == _loadSequence)
        {
            _list = list;
            _request = list.Page.Request;
            _loading = false;
        }
    }

    private Task OnRefundChangedAsync(RefundSnapshot snapshot) => InvokeAsync(async () =>
    {
        try
        {
            await LoadAsync();
            StateHasChanged();
        }
        catch (Exception ex)
        {
            AdminLog.LiveUpdateFailed(Logger, snapshot.PaymentId, ex);
        }
    });

    private async Task StatusChangedAsync(RefundStatus? status)
    {
        _status = status;
        _request = PageRequest.Newest;
        await LoadAsync();
    }

    private async Task RangeChangedAsync(DateRange? range)
    {
        _range = range;
        _request = PageRequest.Newest;
        await LoadAsync();
    }

    private async Task GoToAsync(PageRequest request)
    {
        _request = request;
        await LoadAsync();
    }

    private void OpenPayment(Guid paymentId) => Navigation.NavigateTo($"admin/payments/{paymentId}");
}
