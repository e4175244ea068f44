using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Domain.Common;
using Portal.Domain.Refunds;

namespace Portal.Admin.Refunds;

/// <summary>
/// The refund form in a dialog. It holds one idempotency key for as long as it is open, so a double click or a retry
/// after a lost answer is the same refund, never a second one; a new opening is a new refund. It closes with the
/// refund's snapshot once <see cref="Submit"/> accepted it, and stays open, unchanged, on any refusal.
/// </summary>
public sealed partial class RefundDialog
{
    // The fields the domain names in DomainValidationException.Errors.
    internal const string AmountField = nameof(Refund.Amount);
    internal const string ReasonField = nameof(Refund.Reason);
    internal const string NoteField = nameof(Refund.Note);

    private readonly string _idempotencyKey = Guid.NewGuid().ToString("N");
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private string? _generalError;
    private string? _amount;
    private RefundReason? _reason;
    private string? _note;
    private bool _busy;

    [CascadingParameter]
    private IMudDialogInstance MudDialog { get; set; } = default!;

    /// <summary>What is still refundable: the amount's default, its currency and its upper bound.</summary>
    [Parameter, EditorRequired]
    public required Money Refundable { get; set; }

    /// <summary>The merchant's four-eyes threshold: refunds above it wait for a second approver.</summary>
    [Parameter, EditorRequired]
    public required Money Threshold { get; set; }

    /// <summary>Asks for the refund; throws the domain's exceptions when it is refused.</summary>
    [Parameter, EditorRequired]
    public required Func<RefundRequest, Task<RefundSnapshot>> Submit { get; set; }

    private bool NeedsSecondApprover =>
        Money.TryParse(_amount?.Trim(), Refundable.Currency, out var amount) && amount.MinorUnits > Threshold.MinorUnits;

    protected override void OnInitialized() => _amount = Refundable.ToAmountString();

    private string? Error(string field) => _errors.TryGetValue(field, out var messages) ? messages.FirstOrDefault() : null;

    private void Cancel() => MudDialog.Cancel();

    private async Task SubmitAsync()
    {
        if (_busy)
        {
            return;
        }
        _busy = true;
        _generalError = null;
        _errors = new Dictionary<string, string[]>();
        try
        {
            // An unchosen reason goes to the domain as "no reason", so the one rule ("Choose a reason.") lives there.
            var request = new RefundRequest(_amount, _reason ?? default, _note, _idempotencyKey, Refundable.Currency.Code);
            var refund = await Submit(request);
            MudDialog.Close(DialogResult.Ok(refund));
        }
        catch (DomainValidationException invalid)
        {
            _errors = invalid.Errors;
            var elsewhere = invalid.Errors.Where(e => e.Key is not (AmountField or ReasonField or NoteField)).SelectMany(e => e.Value);
            _generalError = elsewhere.Any() ? string.Join(" ", elsewhere) : null;
        }
        catch (DomainException refused)
        {
            // Not allowed, not found, or moved on meanwhile: nothing was written, and the form says so as it is.
            _generalError = refused.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
