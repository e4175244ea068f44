using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Domain.Common;
using Portal.Domain.Refunds;

namespace Portal.Admin.Refunds;

/// <summary>Approves or rejects one pending refund for the signed-in staff member; the domain checks they may.</summary>
public sealed partial class RefundDecisionCard
{
    private bool _busy;

    [Inject]
    private RefundActions Actions { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The refund to show.</summary>
    [Parameter, EditorRequired]
    public required RefundView Refund { get; set; }

    /// <summary>Shows the seven-step table. Defaults to true.</summary>
    [Parameter]
    public bool ShowSteps { get; set; } = true;

    /// <summary>Shows a link to the refunded payment. Defaults to false.</summary>
    [Parameter]
    public bool ShowPaymentLink { get; set; }

    private Task ApproveAsync(RefundView refund) => DecideAsync(() => Actions.ApproveAsync(refund.Id));

    private async Task RejectAsync(RefundView refund)
    {
        var parameters = new DialogParameters<RejectRefundDialog> { { d => d.Amount, refund.Amount } };
        var dialog = await Dialogs.ShowAsync<RejectRefundDialog>("Reject refund", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled)
        {
            return;
        }
        await DecideAsync(() => Actions.RejectAsync(refund.Id, result.Data as string));
    }

    private async Task DecideAsync(Func<Task<RefundSnapshot>> decide)
    {
        if (_busy)
        {
            return;
        }
        _busy = true;
        try
        {
            var refund = await decide();
            Snackbar.Add(Outcome(refund), refund.Status is RefundStatus.Failed ? Severity.Error : Severity.Success);
        }
        catch (DomainValidationException invalid)
        {
            Snackbar.Add(string.Join(" ", invalid.Errors.SelectMany(e => e.Value)), Severity.Warning);
        }
        catch (DomainException refused)
        {
            Snackbar.Add(refused.Message, Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
    }

    internal static string Outcome(RefundSnapshot refund) => refund.Status switch
    {
        RefundStatus.Succeeded => $"Refund of {refund.Amount.Format()} approved and paid back.",
        RefundStatus.Processing => $"Refund of {refund.Amount.Format()} approved; the bank is processing it.",
        RefundStatus.Rejected => $"Refund of {refund.Amount.Format()} rejected.",
        RefundStatus.Failed => $"The bank refused the refund: {refund.FailureMessage}",
        RefundStatus.PendingApproval => $"Refund of {refund.Amount.Format()} is waiting for a second approver.",
        _ => "Refund updated.",
    };
}
