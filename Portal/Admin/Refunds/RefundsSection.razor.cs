using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Domain.Refunds;
using Portal.Identity;
using Portal.LiveUpdates;

namespace Portal.Admin.Refunds;

/// <summary>
/// The refunds of one payment, reloaded whenever any of them changes (pushed by <see cref="RefundEvents"/>) or the
/// payment itself moves on, so the refundable amount is always the database's, never computed here.
/// </summary>
public sealed partial class RefundsSection : IDisposable
{
    private PaymentRefunds? _refunds;
    private StaffMember? _staff;
    private IDisposable? _subscription;
    private Guid _loadedFor;
    private int _loadedVersion = -1;
    private int _loadSequence;

    [Inject]
    private RefundQueries Queries { get; set; } = default!;

    [Inject]
    private RefundActions Actions { get; set; } = default!;

    [Inject]
    private CurrentStaff CurrentStaff { get; set; } = default!;

    [Inject]
    private RefundEvents Events { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<RefundsSection> Logger { get; set; } = default!;

    /// <summary>The payment whose refunds to show; the parent page found it for this merchant.</summary>
    [Parameter, EditorRequired]
    public required Guid PaymentId { get; set; }

    /// <summary>The payment's version: when it moves on (the payment succeeded), the section reloads.</summary>
    [Parameter]
    public int PaymentVersion { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _staff ??= await CurrentStaff.GetAsync();
        if (_loadedFor == PaymentId && _loadedVersion == PaymentVersion)
        {
            return;
        }
        if (_loadedFor != PaymentId)
        {
            _subscription?.Dispose();
            _subscription = null;
        }
        _loadedFor = PaymentId;
        _loadedVersion = PaymentVersion;
        await LoadAsync();
        Subscribe();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && _subscription is null)
        {
            Subscribe();
            if (_subscription is not null)
            {
                StateHasChanged();
            }
        }
    }

    public void Dispose() => _subscription?.Dispose();

    // Only the interactive render subscribes: a prerender has no circuit to push to.
    private void Subscribe()
    {
        if (_subscription is null && RendererInfo.IsInteractive && _refunds is not null)
        {
            _subscription = Events.WatchPayment(_refunds.PaymentId, OnRefundChangedAsync);
        }
    }

    // Loads may overlap when pushes come fast; only the last one started may show, so an older answer never wins.
    private async Task LoadAsync()
    {
        var sequence = ++_loadSequence;
        var refunds = await Queries.ForPaymentAsync(PaymentId);
        if (sequence == _loadSequence)
        {
            _refunds = refunds;
        }
    }

    private Task OnRefundChangedAsync(RefundSnapshot snapshot) => InvokeAsync(async () =>
    {
        try
        {
            if (snapshot.PaymentId != PaymentId)
            {
                return;
            }
            await LoadAsync();
            StateHasChanged();
        }
        catch (Exception ex)
        {
            AdminLog.LiveUpdateFailed(Logger, snapshot.PaymentId, ex);
        }
    });

    private async Task OpenRefundDialogAsync()
    {
        if (_refunds is null)
        {
            return;
        }
        var paymentId = _refunds.PaymentId;
        var parameters = new DialogParameters<RefundDialog>
        {
            { d => d.Refundable, _refunds.Refundable },
            { d => d.Threshold, _refunds.ApprovalThreshold },
            { d => d.Submit, request => Actions.RequestAsync(paymentId, request) },
        };
        var dialog = await Dialogs.ShowAsync<RefundDialog>("Refund this payment", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: RefundSnapshot refund })
        {
            Snackbar.Add(Outcome(refund), refund.Status == RefundStatus.Failed ? Severity.Error : Severity.Success);
            await LoadAsync();
        }
    }

    private static string Outcome(RefundSnapshot refund) => refund.Status switch
    {
        RefundStatus.PendingApproval => $"Refund of {refund.Amount.Format()} requested. It waits for a second approver.",
        RefundStatus.Succeeded => $"Refund of {refund.Amount.Format()} paid back.",
        RefundStatus.Processing => $"Refund of {refund.Amount.Format()} sent to the bank.",
        RefundStatus.Failed => $"The bank refused the refund: {refund.FailureMessage}",
        _ => "Refund updated.",
    };
}
