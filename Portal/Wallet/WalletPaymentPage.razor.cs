using Microsoft.AspNetCore.Components;
using Portal.Abuse;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.LiveUpdates;
using Portal.Pay;

namespace Portal.Wallet;

/// <summary>
/// The sandbox mobile wallet's approval screen for one payment, opened by scanning the checkout's QR code (or pasting
/// it at /wallet). Approving runs steps 2–6 through the fast rail; the result arrives here and on the checkout page live.
/// </summary>
public sealed partial class WalletPaymentPage
{
    private WalletView? _view;
    private bool _loaded;
    private bool _busy;
    private bool _interactive;
    private string? _idempotencyKey;
    private string? _accountError;
    private string? _pinError;
    private string? _error;
    private IDisposable? _subscription;
    private Task<bool>? _quoting;

    [Parameter]
    public string Reference { get; set; } = "";

    [Inject]
    private WalletQueries Queries { get; set; } = default!;

    [Inject]
    private PaymentFlow Flow { get; set; } = default!;

    [Inject]
    private PaymentEvents Events { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private VelocityLimits Velocity { get; set; } = default!;

    [Inject]
    private ClientAddress Client { get; set; } = default!;

    [Inject]
    private PayerQuotes Quotes { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _view = Guid.TryParseExact(Reference, "N", out var paymentId) ? await Queries.FindAsync(paymentId) : null;
        _idempotencyKey ??= Guid.NewGuid().ToString("N");
        _loaded = true;
        // Once the payment is read, in a circuit: the first render comes before the read has finished whenever the read
        // really waits (on PostgreSQL it does), and a subscription made there would watch nothing.
        if (RendererInfo.IsInteractive && _view is not null && _subscription is null)
        {
            _subscription = Events.WatchPayment(_view.Payment.PaymentId, OnPaymentChangedAsync);
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private WalletState StateOf(WalletView view)
    {
        var payment = view.Payment;
        return payment switch
        {
            { Method: not PaymentMethod.Fast } => WalletState.NotFast,
            { Status: PaymentStatus.Succeeded } => WalletState.Succeeded,
            { Status: PaymentStatus.Processing } => WalletState.Processing,
            { Status: PaymentStatus.Failed, FailureCode: "EXPD" } => WalletState.Expired,
            { Status: PaymentStatus.Failed } => WalletState.Failed,
            _ when view.CheckoutStatus == CheckoutStatus.Paid => WalletState.Paid,
            _ when view.CheckoutStatus == CheckoutStatus.Expired => WalletState.Expired,
            { ExpiresAt: { } expiresAt } when Time.GetUtcNow() >= expiresAt => WalletState.Expired,
            { Status: PaymentStatus.Abandoned } => WalletState.Expired,
            _ => WalletState.Approve,
        };
    }

    private async Task ApproveAsync(PayerInput input)
    {
        if (_busy || _view is null || _idempotencyKey is null)
        {
            return;
        }
        _error = null;
        if (_quoting is { IsCompleted: false } quoting && await quoting)
        {
            return;
        }
        if (T.ReadPayer(input, out _accountError, out _pinError) is not { } payer)
        {
            return;
        }

        _busy = true;
        try
        {
            // Asked before anything is recorded: over the limit, the payment stays as it was and the bank hears nothing.
            if (await Velocity.TryPayAsync(Client.Value, payer.Account) is { IsAllowed: false } refused)
            {
                _error = T.TooManyAttempts(refused);
                return;
            }
            Apply(await Flow.ApproveFastAsync(_view.Payment.PaymentId, payer with { ConfirmedQuoteId = _view.Payment.Quote?.QuoteId },
                _idempotencyKey));
        }
        catch (DomainValidationException invalid) when (invalid.Errors.ContainsKey("Quote"))
        {
            // The rate shown ran out: nothing was approved; the new amount goes up for the payer to confirm again.
            _busy = false;
            await QuoteAsync(payer.Account.Value);
            _error ??= T["QuoteExpired"];
        }
        catch (Exception ex) when (ex is DomainException or ConcurrencyConflictException)
        {
            _error = T["StartFailed"];
        }
        finally
        {
            _busy = false;
        }
    }

    // Asked while the payer goes on typing (the form stays enabled); an Approve pressed meanwhile waits for it.
    private Task<bool> AskQuoteAsync(string account) => _quoting = QuoteAsync(account);

    // The quote of the account typed; true when the payer has something new to read before approving.
    private async Task<bool> QuoteAsync(string account)
    {
        if (_view is null || _busy)
        {
            return false;
        }
        var answer = await Quotes.AskAsync(_view.Payment, account);
        Apply(answer.Payment);
        _accountError = answer.AccountError;
        // Asked from the form's own event: without this the page would show the answer only at its next push.
        StateHasChanged();
        return answer.ShowBeforePaying;
    }

    private Task OnPaymentChangedAsync(PaymentSnapshot changed) => InvokeAsync(() =>
    {
        Apply(changed);
        StateHasChanged();
    });

    private void Apply(PaymentSnapshot payment)
    {
        if (_view is not null && payment.PaymentId == _view.Payment.PaymentId && payment.Version >= _view.Payment.Version)
        {
            _view = _view with
            {
                Payment = payment,
                CheckoutStatus = payment.Status == PaymentStatus.Succeeded ? CheckoutStatus.Paid : _view.CheckoutStatus,
            };
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
