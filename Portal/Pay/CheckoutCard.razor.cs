using Microsoft.AspNetCore.Components;
using Portal.Abuse;
using Portal.Addresses;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.LiveUpdates;

namespace Portal.Pay;

/// <summary>
/// The customer's checkout card: the payment that matters (the one with the bank, the one that paid, else the latest
/// attempt), so a reload mid-payment lands where the payment is. Interactive on its own inside the static
/// <see cref="CheckoutPage"/>, it is all a waiting customer's circuit holds; each committed step arrives through
/// <see cref="PaymentEvents"/> carrying the payment's snapshot, and re-renders the card without reading the database.
/// </summary>
public sealed partial class CheckoutCard
{
    private CheckoutView? _view;
    private PaymentSnapshot? _payment;
    private CheckoutStage _stage;

    // The payment succeeded while this page watched it, so it has no refunds yet: its receipt need not look for any.
    private bool _paidWhileWatching;
    private bool _loaded;
    private bool _busy;
    private bool _interactive;
    private string? _idempotencyKey;
    private string? _accountError;
    private string? _pinError;
    private string? _error;
    private IDisposable? _subscription;
    private ITimer? _codeExpiry;
    private Task<bool>? _quoting;

    /// <summary>The checkout's unguessable token, as in its address.</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    [Inject]
    private CheckoutQueries Queries { get; set; } = default!;

    [Inject]
    private PaymentFlow Flow { get; set; } = default!;

    [Inject]
    private PaymentEvents Events { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private PublicAddresses Addresses { get; set; } = default!;

    [Inject]
    private VelocityLimits Velocity { get; set; } = default!;

    [Inject]
    private ClientAddress Client { get; set; } = default!;

    [Inject]
    private PayerQuotes Quotes { get; set; } = default!;

    // What the customer's phone opens: the public address, not the one this screen happened to use.
    private PublicLinks Links => Addresses.For(Navigation.BaseUri);

    private string CodeContent => Qr.FastPaymentCodes.ContentFor(_view!, _payment!.PaymentId, Links);

    private string WalletUrl => Links.WalletPage(_payment!.PaymentId).AbsoluteUri;

    /// <summary>
    /// A marker for people and tests alike: buttons work from here on. A card rendered statically (a page that can no
    /// longer change) has no buttons to wait for.
    /// </summary>
    private bool IsReady => _interactive || AssignedRenderMode is null;

    private bool IsWaitingForBank =>
        _payment?.TimeOf(PaymentStep.OrderSent) is { } sentAt && Time.GetUtcNow() - sentAt > TimeSpan.FromSeconds(5);

    protected override async Task OnParametersSetAsync()
    {
        _view = await Queries.FindAsync(Token);
        _payment = _view?.CurrentPayment;
        _stage = StageOf(_view, _payment, fromReload: true);
        _loaded = true;
        Watch();
        if (_subscription is not null && _payment?.Status == PaymentStatus.Processing)
        {
            // The bank's answer may have been committed and pushed between the read and the subscription, to no one:
            // read once more now that pushes are heard. A push that overtakes this read keeps its newer version.
            var again = await Queries.FindAsync(Token);
            if (again?.CurrentPayment is { } fresh && fresh.PaymentId == _payment?.PaymentId && fresh.Version > _payment.Version)
            {
                _view = again;
                _payment = fresh;
                _stage = StageOf(_view, _payment, fromReload: true);
            }
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

    // Once the checkout is read, in a circuit: not after the first render, which comes before the read has finished
    // whenever the read really waits (on PostgreSQL it does; SQLite answers at once), and would then watch nothing.
    private void Watch()
    {
        if (!RendererInfo.IsInteractive || _view is null || _subscription is not null)
        {
            return;
        }
        _subscription = Events.WatchCheckout(_view.CheckoutId, OnPaymentChangedAsync);
        WatchCodeExpiry();
    }

    private Task ChooseRealTimeAsync() => ChooseAsync(PaymentMethod.RealTime);

    private Task ChooseFastAsync() => ChooseAsync(PaymentMethod.Fast);

    // A failed attempt is retried with the same method.
    private Task TryAgainAsync() => ChooseAsync(_payment?.Method ?? PaymentMethod.RealTime);

    private async Task ChooseAsync(PaymentMethod method)
    {
        if (_busy || _view is null)
        {
            return;
        }
        _busy = true;
        _error = null;
        try
        {
            // Asked before the flow runs: over the limit, no payment is started and the page stays as it was.
            if (await Velocity.TryChooseMethodAsync(Client.Value) is { IsAllowed: false } refused)
            {
                _error = T.TooManyAttempts(refused);
                return;
            }
            _payment = await Flow.ChooseMethodAsync(Token, method);
            _idempotencyKey = Guid.NewGuid().ToString("N");
            _accountError = _pinError = null;
            _stage = StageOf(_view, _payment, fromReload: false);
            WatchCodeExpiry();
        }
        catch (CheckoutClosedException)
        {
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task PayAsync(PayerInput input)
    {
        if (_busy || _payment is null || _idempotencyKey is null)
        {
            return;
        }
        _error = null;
        if (_quoting is { IsCompleted: false } quoting && await quoting)
        {
            // The account's quote arrived with the click: the payer reads it before anything is paid.
            return;
        }
        if (T.ReadPayer(input, out _accountError, out _pinError) is not { } payer)
        {
            return;
        }

        _busy = true;
        // Asked before anything is recorded: over the limit, no step, no refusal on the checkout, no call to the bank.
        if (await Velocity.TryPayAsync(Client.Value, payer.Account) is { IsAllowed: false } refused)
        {
            _error = T.TooManyAttempts(refused);
            _busy = false;
            return;
        }
        _stage = CheckoutStage.Processing;
        try
        {
            Apply(await Flow.PayRealTimeAsync(_payment.PaymentId, payer with { ConfirmedQuoteId = _payment.Quote?.QuoteId }, _idempotencyKey));
        }
        catch (DomainValidationException invalid) when (invalid.Errors.ContainsKey("Quote"))
        {
            // The rate the payer saw ran out (or was never confirmed): nothing moved; the new amount goes up for them to
            // confirm again.
            _stage = CheckoutStage.Form;
            _busy = false;
            await AskQuoteAsync(payer.Account.Value, fresh: true);
            _error ??= T["QuoteExpired"];
        }
        catch (Exception ex) when (ex is DomainException or ConcurrencyConflictException)
        {
            _error = T["StartFailed"];
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    // Asked while the payer goes on typing (the form stays enabled); a Pay pressed meanwhile waits for it (PayAsync).
    private Task<bool> AskQuoteAsync(string account) => _quoting = AskQuoteAsync(account, fresh: false);

    // The quote of the account typed; true when the payer has something new to read before paying.
    private async Task<bool> AskQuoteAsync(string account, bool fresh)
    {
        if (_payment is null || (_busy && !fresh))
        {
            return false;
        }
        var answer = await Quotes.AskAsync(_payment, account);
        Apply(answer.Payment);
        _accountError = answer.AccountError;
        // Asked from the form's own event: without this the page would show the answer only at its next push.
        StateHasChanged();
        return answer.ShowBeforePaying;
    }

    private Task OnPaymentChangedAsync(PaymentSnapshot changed) => InvokeAsync(() =>
    {
        // Pushes arrive from other threads and may overtake each other: keep the newest picture of each payment, and
        // follow a new payment only when it is past choosing (another tab paying the same checkout).
        var isCurrent = changed.PaymentId == _payment?.PaymentId;
        if ((isCurrent && changed.Version > _payment!.Version) ||
            (!isCurrent && changed.Status is not (PaymentStatus.Started or PaymentStatus.Abandoned)))
        {
            Apply(changed);
            StateHasChanged();
        }
    });

    private void Apply(PaymentSnapshot payment)
    {
        if (_payment is not null && payment.PaymentId == _payment.PaymentId && payment.Version < _payment.Version)
        {
            return;
        }
        var before = _stage;
        _payment = payment;
        _stage = StageOf(_view, payment, fromReload: false);
        _paidWhileWatching |= before != CheckoutStage.Succeeded && _stage == CheckoutStage.Succeeded;
        WatchCodeExpiry();
    }

    // One timer per page, firing once when the shown QR code expires (the browser ticks the countdown itself).
    private void WatchCodeExpiry()
    {
        _codeExpiry?.Dispose();
        _codeExpiry = null;
        if (_stage != CheckoutStage.FastQr || _payment?.ExpiresAt is not { } expiresAt || !RendererInfo.IsInteractive)
        {
            return;
        }
        var due = expiresAt - Time.GetUtcNow();
        _codeExpiry = Time.CreateTimer(_ => InvokeAsync(() =>
        {
            if (_stage == CheckoutStage.FastQr)
            {
                _stage = StageOf(_view, _payment, fromReload: false);
                StateHasChanged();
            }
        }), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    private async Task ReloadAsync()
    {
        _view = await Queries.FindAsync(Token);
        _payment = _view?.CurrentPayment;
        _stage = StageOf(_view, _payment, fromReload: true);
    }

    private CheckoutStage StageOf(CheckoutView? view, PaymentSnapshot? payment, bool fromReload) =>
        view is null ? CheckoutStage.Choose : CheckoutStages.Of(view, payment, fromReload, Time.GetUtcNow());

    public void Dispose()
    {
        _subscription?.Dispose();
        _codeExpiry?.Dispose();
    }
}
