using Microsoft.AspNetCore.Components;
using Portal.Domain.Refunds;
using Portal.Identity;
using Portal.LiveUpdates;

namespace Portal.Admin.Refunds;

/// <summary>The refunds waiting for a second approver, oldest first; a decided one leaves the queue as it is pushed.</summary>
public sealed partial class ApprovalsPage
{
    private StaffMember? _staff;
    private IReadOnlyList<RefundView>? _pending;
    private IDisposable? _subscription;
    private int _loadSequence;

    [Inject]
    private RefundQueries Queries { get; set; } = default!;

    [Inject]
    private CurrentStaff CurrentStaff { get; set; } = default!;

    [Inject]
    private RefundEvents Events { get; set; } = default!;

    [Inject]
    private ILogger<ApprovalsPage> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _staff = await CurrentStaff.GetAsync();
        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive && _staff is not null)
        {
            _subscription = Events.WatchMerchant(_staff.MerchantId, OnRefundChangedAsync);
        }
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task LoadAsync()
    {
        var sequence = ++_loadSequence;
        var pending = await Queries.PendingApprovalAsync();
        if (sequence == _loadSequence)
        {
            _pending = pending;
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
}
