using Microsoft.AspNetCore.Components;
using Portal.Domain.Refunds;
using Portal.Identity;
using Portal.LiveUpdates;

namespace Portal.Admin.Refunds;

/// <summary>
/// Counts the refunds waiting for approval. Any pushed change of the merchant's refunds re-counts in the database:
/// the snapshot alone cannot say whether the refund was already counted.
/// </summary>
public sealed partial class ApprovalsNavLink
{
    private StaffMember? _staff;
    private IDisposable? _subscription;
    private int _count;
    private int _loadSequence;

    [Inject]
    private RefundQueries Queries { get; set; } = default!;

    [Inject]
    private CurrentStaff CurrentStaff { get; set; } = default!;

    [Inject]
    private RefundEvents Events { get; set; } = default!;

    [Inject]
    private ILogger<ApprovalsNavLink> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _staff = await CurrentStaff.FindAsync();
        if (_staff is not null)
        {
            await CountAsync();
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive && _staff is not null)
        {
            _subscription = Events.WatchMerchant(_staff.MerchantId, OnRefundChangedAsync);
        }
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task CountAsync()
    {
        var sequence = ++_loadSequence;
        var count = await Queries.CountPendingApprovalAsync();
        if (sequence == _loadSequence)
        {
            _count = count;
        }
    }

    private Task OnRefundChangedAsync(RefundSnapshot snapshot) => InvokeAsync(async () =>
    {
        try
        {
            await CountAsync();
            StateHasChanged();
        }
        catch (Exception ex)
        {
            AdminLog.LiveUpdateFailed(Logger, snapshot.PaymentId, ex);
        }
    });
}
