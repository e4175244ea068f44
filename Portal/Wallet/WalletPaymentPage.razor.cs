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

    [Parameter]
    public string Reference { get; set; } = "";

    [Inject]
    private WalletQueries Queries { get; set; } = default!;

    [Inject]
    private CheckoutFlow Flow { get; set; } = default!;

    [Inject]
    private PaymentEvents Events { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private VelocityLimits Velocity { get; set; } = default!;

    [Inject]
    private ClientAddress Client { get; set; } = default!;

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
            Apply(await Flow.ApproveFastAsync(_view.Payment.PaymentId, payer, _idempotencyKey));
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
