using Microsoft.AspNetCore.Components;
using Portal.Admin.Shared;
using Portal.Domain.Payments;
using Portal.Identity;
using Portal.LiveUpdates;

namespace Portal.Admin.Dashboard;

/// <summary>
/// The landing page after sign-in: the merchant's volume, counts and success rate, payments per day and payment
/// speed per method. It watches the merchant's payments and recomputes, at most once a second, when one starts or ends.
/// </summary>
public sealed partial class DashboardPage
{
    private StaffMember? _staff;
    private DashboardView? _view;
    private IDisposable? _subscription;
    private RefreshThrottle? _recompute;
    private bool _live;

    [Inject]
    private DashboardQueries Dashboard { get; set; } = default!;

    [Inject]
    private CurrentStaff CurrentStaff { get; set; } = default!;

    [Inject]
    private PaymentEvents Events { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<DashboardPage> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _staff = await CurrentStaff.GetAsync();
        _view = await Dashboard.LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Only the interactive render subscribes: a prerender has no circuit to push to.
        if (firstRender && RendererInfo.IsInteractive && _staff is not null)
        {
            _recompute = new RefreshThrottle(TimeSpan.FromSeconds(1), Time, () => InvokeAsync(RecomputeAsync));
            _subscription = Events.WatchMerchant(_staff.MerchantId, OnPaymentChanged);
            _live = true;
            StateHasChanged();
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _recompute?.Dispose();
    }

    // A new attempt changes the counts; an outcome changes the rest. Steps in between change nothing shown.
    private Task OnPaymentChanged(PaymentSnapshot snapshot)
    {
        if (snapshot.Step == PaymentStep.MethodChosen || snapshot.IsFinal)
        {
            _recompute?.Request();
        }
        return Task.CompletedTask;
    }

    private async Task RecomputeAsync()
    {
        try
        {
            _view = await Dashboard.LoadAsync();
            StateHasChanged();
        }
        catch (Exception ex)
        {
            DashboardLog.RecomputeFailed(Logger, ex);
        }
    }
}
