using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.CrossBorder;
using Portal.Domain.Merchants;
using Portal.Domain.Rails;
using Portal.Domain.Refunds;

namespace Portal.Domain.Payments;

/// <summary>
/// One attempt to pay a checkout by one method. The entity owns its seven-step state machine: every change is a
/// method that checks the step it starts from, records the instant of the step it reaches and bumps
/// <see cref="Version"/>, the concurrency token that makes two writers of the same payment collide instead of both winning.
/// </summary>
public sealed class Payment : IRailOrder
{
    private Payment()
    {
    }

    public Guid Id { get; private set; }

    public Guid CheckoutId { get; private set; }

    public Guid MerchantId { get; private set; }

    /// <summary>
    /// The checkout's merchant reference, copied when the payment starts (a checkout's reference never changes), so that
    /// staff find a payment by it on the payment's own row.
    /// </summary>
    public string? MerchantReference { get; private set; }

    /// <summary>
    /// The id's first <see cref="IdPrefixLength"/> hex digits, lower-case: the id's first block as staff copy it, stored so
    /// that a search by it is an index lookup rather than a conversion of every id to text.
    /// </summary>
    public string IdPrefix { get; private set; } = "";

    public PaymentMethod Method { get; private set; }

    public long AmountMinorUnits { get; private set; }

    public string CurrencyCode { get; private set; } = "";

    public Money Amount => Money.FromMinorUnits(AmountMinorUnits, CurrencyCode);

    public PaymentStatus Status { get; private set; }

    /// <summary>The last step this payment completed.</summary>
    public PaymentStep Step { get; private set; }

    public DateTimeOffset MethodChosenAt { get; private set; }
    public DateTimeOffset? DetailsEnteredAt { get; private set; }
    public DateTimeOffset? OrderCreatedAt { get; private set; }
    public DateTimeOffset? OrderSentAt { get; private set; }
    public DateTimeOffset? PayeeVerifiedAt { get; private set; }
    public DateTimeOffset? PayeeProcessedAt { get; private set; }
    public DateTimeOffset? NotifiedAt { get; private set; }

    /// <summary>
    /// Until when the payer may approve a fast payment's QR code; after it the code is refused and the page offers a
    /// new one. Null for real-time payments, which the customer submits on the page itself.
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>The step at which the payment failed, when it did.</summary>
    public PaymentStep? FailedAtStep { get; private set; }

    public DateTimeOffset? FailedAt { get; private set; }

    public string? FailureCode { get; private set; }

    public string? FailureMessage { get; private set; }

    public FailureReason? Failure => FailureCode is null ? null : FailureReason.FromCode(FailureCode, FailureMessage);

    /// <summary>The payer's account, masked; the full number is never stored.</summary>
    public string? PayerAccountMasked { get; private set; }

    /// <summary>The key of the submission that entered the details: a repeated submission with it is the same request.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>The rail's own reference for the settled order.</summary>
    public string? RailReference { get; private set; }

    /// <summary>What refunds gave back, in minor units.</summary>
    public long RefundedMinorUnits { get; private set; }

    /// <summary>What refunds waiting for approval or with the rail hold, in minor units.</summary>
    public long RefundsInFlightMinorUnits { get; private set; }

    /// <summary>Paid − refunded − refunds in flight: what a new refund may still take.</summary>
    public Money Refundable => Status == PaymentStatus.Succeeded
        ? Money.FromMinorUnits(AmountMinorUnits - RefundedMinorUnits - RefundsInFlightMinorUnits, CurrencyCode)
        : Money.Zero(Currency.FromCode(CurrencyCode));

    public Money Refunded => Money.FromMinorUnits(RefundedMinorUnits, CurrencyCode);

    /// <summary>The FX quote the payer was shown for an account in another currency; null for a payment in one currency.</summary>
    public string? QuoteId { get; private set; }

    /// <summary>The payer's currency, when the quote converts into it.</summary>
    public string? PayerCurrencyCode { get; private set; }

    /// <summary>The payment's amount converted at the quote's rate, in the payer's minor units (the fee apart).</summary>
    public long? PayerAmountMinorUnits { get; private set; }

    /// <summary>The FX provider's fee in the payer's minor units.</summary>
    public long? PayerFeeMinorUnits { get; private set; }

    /// <summary>Payer-currency units for one unit of the payment's currency, exactly as shown to the payer.</summary>
    public decimal? FxRate { get; private set; }

    public DateTimeOffset? QuotedAt { get; private set; }

    public DateTimeOffset? QuoteExpiresAt { get; private set; }

    public bool IsCrossBorder => QuoteId is not null;

    /// <summary>The quote as the payer saw it, or null.</summary>
    public FxQuote? Quote => QuoteId is null
        ? null
        : new FxQuote(QuoteId, Amount, Money.FromMinorUnits(PayerAmountMinorUnits!.Value, PayerCurrencyCode!),
            Money.FromMinorUnits(PayerFeeMinorUnits!.Value, PayerCurrencyCode!), FxRate!.Value, QuotedAt!.Value, QuoteExpiresAt!.Value);

    /// <summary>What the payer pays in their currency, fee included; null for a payment in one currency.</summary>
    public Money? PayerTotal => Quote?.PayerTotal;

    public int Version { get; private set; }

    public bool IsFinal => Status is PaymentStatus.Succeeded or PaymentStatus.Failed or PaymentStatus.Abandoned;

    /// <summary>The rail knows this payment's order by the payment's id: one payment, one order.</summary>
    public Guid OrderId => Id;

    /// <summary>Step 1 → step 6: how long the payment took, human time included, as the field measures it.</summary>
    public TimeSpan? Duration => PayeeProcessedAt - MethodChosenAt;

    /// <summary>Payment speed as the field judges it: seconds per 100 units of the currency (payment time ÷ amount × 100).</summary>
    public decimal? SecondsPer100 => Duration is { } d && AmountMinorUnits > 0
        ? decimal.Round((decimal)d.Ticks / TimeSpan.TicksPerSecond / Amount.Amount * 100m, 4)
        : null;

    /// <summary>
    /// How many of an id's hex digits <see cref="IdPrefix"/> holds. A version 7 id starts with its creation time in
    /// milliseconds: its first eight digits change every 65 seconds, so they name a handful of payments, where four
    /// name seven weeks of them.
    /// </summary>
    public const int IdPrefixLength = 8;

    /// <summary>The <see cref="IdPrefix"/> of an id.</summary>
    public static string IdPrefixOf(Guid id) => id.ToString("N")[..IdPrefixLength];

    internal static Payment Start(Checkout checkout, PaymentMethod method, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var id = Guid.CreateVersion7(now);
        return new()
        {
            ExpiresAt = expiresAt,
            Id = id,
            IdPrefix = IdPrefixOf(id),
            CheckoutId = checkout.Id,
            MerchantId = checkout.MerchantId,
            MerchantReference = checkout.MerchantReference,
            Method = method,
            AmountMinorUnits = checkout.AmountMinorUnits,
            CurrencyCode = checkout.CurrencyCode,
            Status = PaymentStatus.Started,
            Step = PaymentStep.MethodChosen,
            MethodChosenAt = now,
            Version = 1,
        };
    }

    /// <summary>
    /// The payer's account is in another currency: the quote for it is shown, and only an order that the payer confirms
    /// with its id may use it. A new quote replaces an older one (a new account typed, or the old one expired); only
    /// before anything was sent, and only for this payment's amount.
    /// </summary>
    public void OfferQuote(FxQuote quote, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(quote);
        CheckQuotable();
        if (quote.MerchantAmount != Amount || quote.PayerCurrency.Code == CurrencyCode)
        {
            throw new DomainValidationException("Quote", "The quote is not for this payment's amount.");
        }
        if (quote.IsExpiredAt(now))
        {
            throw new DomainValidationException("Quote", QuoteExpiredMessage);
        }
        QuoteId = quote.QuoteId;
        PayerCurrencyCode = quote.PayerCurrency.Code;
        PayerAmountMinorUnits = quote.PayerAmount.MinorUnits;
        PayerFeeMinorUnits = quote.Fee.MinorUnits;
        FxRate = quote.Rate;
        QuotedAt = quote.QuotedAt;
        QuoteExpiresAt = quote.ExpiresAt;
        Version++;
    }

    /// <summary>The payer's account turned out to be in the payment's currency: no quote applies any more.</summary>
    public void WithdrawQuote()
    {
        CheckQuotable();
        if (QuoteId is null)
        {
            return;
        }
        QuoteId = PayerCurrencyCode = null;
        PayerAmountMinorUnits = PayerFeeMinorUnits = null;
        FxRate = null;
        QuotedAt = QuoteExpiresAt = null;
        Version++;
    }

    /// <summary>What the payer reads when the quote they confirmed can no longer be used.</summary>
    public const string QuoteExpiredMessage = "The exchange rate you saw has expired. Check the new amount and confirm again.";

    /// <summary>How long before its expiry Portal stops sending a quote, so that it reaches the rail while still valid.</summary>
    public static readonly TimeSpan QuoteSafetyMargin = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether a submission may go ahead with the quote the payer confirmed (<paramref name="confirmedQuoteId"/>, null
    /// when they saw none): it must be this payment's current quote and still valid; a payment without a quote takes
    /// no quote id. Throws with a message for the payer, before anything changes.
    /// </summary>
    public void CheckConfirmedQuote(string? confirmedQuoteId, DateTimeOffset now)
    {
        if (QuoteId is null)
        {
            if (confirmedQuoteId is not null)
            {
                throw new DomainValidationException("Quote", "That exchange rate is not this payment's. Check the amount and confirm again.");
            }
            return;
        }
        if (!string.Equals(confirmedQuoteId, QuoteId, StringComparison.Ordinal))
        {
            throw new DomainValidationException("Quote", "Check the amount in your currency and confirm it.");
        }
        if (now + QuoteSafetyMargin >= QuoteExpiresAt)
        {
            throw new DomainValidationException("Quote", QuoteExpiredMessage);
        }
    }

    private void CheckQuotable()
    {
        if (Status != PaymentStatus.Started || Step != PaymentStep.MethodChosen)
        {
            throw new InvalidTransitionException(nameof(Payment), $"{Status}/{Step}", "Quoted");
        }
    }

    /// <summary>Step 2: the payer typed account and PIN. Only the masked account is kept.</summary>
    public void EnterDetails(AccountNumber payer, string idempotencyKey, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        MoveTo(PaymentStep.DetailsEntered, now);
        PayerAccountMasked = payer.Masked;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>Step 3: the checkout accepted this payment; its order now exists.</summary>
    public void CreateOrder(DateTimeOffset now)
    {
        MoveTo(PaymentStep.OrderCreated, now);
        Status = PaymentStatus.Processing;
    }

    /// <summary>Step 4: the signed order is on its way to the rail. Saved before sending, so a crash leaves a trace to reconcile.</summary>
    public void MarkSent(DateTimeOffset now) => MoveTo(PaymentStep.OrderSent, now);

    /// <summary>Steps 5 and 6 from what the rail said, at the instants the rail reported (kept within what Portal saw).</summary>
    public void RecordRailResult(RailResult result, DateTimeOffset now) => RailOrderProtocol.Record(this, result, now);

    /// <summary>The payment cannot go on: it fails at the step it was about to take.</summary>
    public void Fail(FailureReason reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (IsFinal)
        {
            throw new InvalidTransitionException(nameof(Payment), Status.ToString(), PaymentStatus.Failed.ToString());
        }
        FailedAtStep = Step + 1;
        FailedAt = now;
        FailureCode = reason.Code;
        FailureMessage = reason.Message;
        Status = PaymentStatus.Failed;
        Version++;
    }

    /// <summary>Whether the payer can no longer approve this payment's code.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expiresAt && now >= expiresAt && Status == PaymentStatus.Started;

    /// <summary>The code was not approved in time: the payment fails as expired, before any details were taken.</summary>
    public void Expire(DateTimeOffset now)
    {
        if (!IsExpiredAt(now))
        {
            throw new InvalidTransitionException(nameof(Payment), $"{Status}/{Step}", "Expired");
        }
        Fail(FailureReason.Expired, now);
    }

    /// <summary>The customer moved to another method before anything was sent.</summary>
    public void Abandon()
    {
        if (Status != PaymentStatus.Started)
        {
            throw new InvalidTransitionException(nameof(Payment), Status.ToString(), PaymentStatus.Abandoned.ToString());
        }
        Status = PaymentStatus.Abandoned;
        FailureCode = FailureReason.Abandoned.Code;
        FailureMessage = FailureReason.Abandoned.Message;
        Version++;
    }

    /// <summary>Step 7: the result has been pushed to the customer and the merchant.</summary>
    public void MarkNotified(DateTimeOffset now) => RailOrderProtocol.Notify(this, now);

    /// <summary>
    /// A Manager or Owner asks to give money back. Only a succeeded payment, within the merchant's refund window, in
    /// its own currency, and never more than <see cref="Refundable"/>: the amount is held at once, and the payment's
    /// <see cref="Version"/> makes two parallel requests collide instead of both spending the same remainder.
    /// Above the merchant's threshold, on its own, with this payment's other refunds, or with
    /// <paramref name="actorRefundsToday"/> (what <paramref name="by"/> refunded today without a second approver, read in the same unit of work:
    /// <see cref="Merchant.CountRefundRequest"/>), the refund waits for a second pair of eyes; otherwise it is approved now.
    /// </summary>
    public Refund RequestRefund(Merchant merchant, StaffActor by, Money amount, RefundReason reason, string? note,
        string idempotencyKey, DateTimeOffset now, Money? actorRefundsToday = null)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        if (by.MerchantId != MerchantId || merchant.Id != MerchantId)
        {
            throw new NotFoundException("Payment");
        }
        if (!by.CanManagePayments)
        {
            throw new ForbiddenException("Only a Manager or Owner can refund payments.");
        }
        if (Status != PaymentStatus.Succeeded)
        {
            throw new DomainValidationException(nameof(Amount), "Only a succeeded payment can be refunded.");
        }
        var errors = new ValidationErrors();
        if (PayeeProcessedAt is { } paidAt && now - paidAt > TimeSpan.FromDays(merchant.RefundWindowDays))
        {
            errors.Add(nameof(Amount), $"This payment is older than {merchant.RefundWindowDays} days and can no longer be refunded.");
        }
        if (amount.Currency.Code != CurrencyCode)
        {
            errors.Add(nameof(Amount), $"A refund is in {CurrencyCode}, the payment's currency.");
        }
        else if (!amount.IsPositive)
        {
            errors.Add(nameof(Amount), "A refund is more than zero.");
        }
        else if (amount > Refundable)
        {
            errors.Add(nameof(Amount), Refundable.IsPositive
                ? $"At most {Refundable} can still be refunded."
                : "Nothing is left to refund on this payment.");
        }
        else if (PayerRefundOf(amount, out var tooSmall) is null)
        {
            errors.Add(nameof(Amount), tooSmall!);
        }
        if (!Enum.IsDefined(reason))
        {
            errors.Add(nameof(Refund.Reason), "Choose a reason.");
        }
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > Refund.MaxNoteLength })
        {
            errors.Add(nameof(Refund.Note), $"A note has at most {Refund.MaxNoteLength} characters.");
        }
        if (reason == RefundReason.Other && note is null)
        {
            errors.Add(nameof(Refund.Note), "Say why, when the reason is Other.");
        }
        errors.ThrowIfAny();

        // Refunded and in flight together: every refund of this payment but those that failed or were rejected, guarded
        // by this payment's version as the remainder is.
        var paymentRefunds = Money.FromMinorUnits(RefundedMinorUnits + RefundsInFlightMinorUnits, CurrencyCode);
        var approvalReason = merchant.RefundApprovalReason(amount, paymentRefunds,
            actorRefundsToday ?? Money.FromMinorUnits(0, CurrencyCode), by.Name, now);
        var refund = Refund.Request(this, amount, reason, note, by, idempotencyKey, approvalReason, now,
            IsCrossBorder ? PayerRefundOf(amount, out _) : null);
        RefundsInFlightMinorUnits += amount.MinorUnits;
        Version++;
        if (!refund.NeedsApproval)
        {
            refund.ApproveBelowThreshold(by, now);
        }
        return refund;
    }

    /// <summary>
    /// What a refund of <paramref name="amount"/> would return in the payer's currency after this payment's other
    /// refunds (<see cref="FxConversion.PayerRefund"/>); the amount itself for a payment in one currency. Null, with
    /// why, when a cross-border share rounds to nothing.
    /// </summary>
    public Money? PayerRefundOf(Money amount, out string? whyNot)
    {
        whyNot = null;
        if (PayerTotal is not { } payerPaid)
        {
            return amount;
        }
        try
        {
            return FxConversion.PayerRefund(amount, Money.FromMinorUnits(RefundedMinorUnits + RefundsInFlightMinorUnits, CurrencyCode),
                Amount, payerPaid);
        }
        catch (DomainValidationException e)
        {
            whyNot = e.Errors.Values.First()[0];
            return null;
        }
    }

    /// <summary>A refund of this payment went through: its held amount is now refunded.</summary>
    public void SettleRefund(Refund refund)
    {
        CheckOwnRefund(refund, RefundStatus.Succeeded);
        RefundsInFlightMinorUnits -= refund.AmountMinorUnits;
        RefundedMinorUnits += refund.AmountMinorUnits;
        Version++;
    }

    /// <summary>A refund of this payment was rejected or failed: its held amount is free again.</summary>
    public void ReleaseRefund(Refund refund)
    {
        CheckOwnRefund(refund, refund.Status is RefundStatus.Rejected ? RefundStatus.Rejected : RefundStatus.Failed);
        RefundsInFlightMinorUnits -= refund.AmountMinorUnits;
        Version++;
    }

    private void CheckOwnRefund(Refund refund, RefundStatus expected)
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (refund.PaymentId != Id || refund.Status != expected || refund.AmountMinorUnits > RefundsInFlightMinorUnits)
        {
            throw new DomainException($"Refund {refund.Id} is not a {expected} refund held by payment {Id}.");
        }
    }

    /// <summary>The instant a step was completed, or null.</summary>
    public DateTimeOffset? TimeOf(PaymentStep step) => step switch
    {
        PaymentStep.MethodChosen => MethodChosenAt,
        PaymentStep.DetailsEntered => DetailsEnteredAt,
        PaymentStep.OrderCreated => OrderCreatedAt,
        PaymentStep.OrderSent => OrderSentAt,
        PaymentStep.PayeeVerified => PayeeVerifiedAt,
        PaymentStep.PayeeProcessed => PayeeProcessedAt,
        PaymentStep.Notified => NotifiedAt,
        _ => null,
    };

    public PaymentSnapshot Snapshot(string checkoutToken) => PaymentSnapshot.Of(this, checkoutToken);

    // The seven-step table, one transition at a time and only forward.
    private void MoveTo(PaymentStep next, DateTimeOffset at)
    {
        var allowed = Status is PaymentStatus.Started or PaymentStatus.Processing && (Step, next) switch
        {
            (PaymentStep.MethodChosen, PaymentStep.DetailsEntered) => Status == PaymentStatus.Started,
            (PaymentStep.DetailsEntered, PaymentStep.OrderCreated) => Status == PaymentStatus.Started,
            (PaymentStep.OrderCreated, PaymentStep.OrderSent) => true,
            (PaymentStep.OrderSent, PaymentStep.PayeeVerified) => true,
            (PaymentStep.PayeeVerified, PaymentStep.PayeeProcessed) => true,
            _ => false,
        };
        if (!allowed)
        {
            throw new InvalidTransitionException(nameof(Payment), $"{Status}/{Step}", next.ToString());
        }

        switch (next)
        {
            case PaymentStep.DetailsEntered: DetailsEnteredAt = at; break;
            case PaymentStep.OrderCreated: OrderCreatedAt = at; break;
            case PaymentStep.OrderSent: OrderSentAt = at; break;
            case PaymentStep.PayeeVerified: PayeeVerifiedAt = at; break;
            case PaymentStep.PayeeProcessed: PayeeProcessedAt = at; break;
        }
        Step = next;
        Version++;
    }

    bool IRailOrder.IsProcessing => Status == PaymentStatus.Processing;

    bool IRailOrder.HasResult => Status is PaymentStatus.Succeeded or PaymentStatus.Failed;

    RailOrderStage IRailOrder.Stage => Step switch
    {
        PaymentStep.OrderCreated => RailOrderStage.Created,
        PaymentStep.OrderSent => RailOrderStage.Sent,
        PaymentStep.PayeeVerified => RailOrderStage.Verified,
        PaymentStep.PayeeProcessed => RailOrderStage.Processed,
        PaymentStep.Notified => RailOrderStage.Notified,
        _ => RailOrderStage.NoOrder,
    };

    DateTimeOffset IRailOrder.LastStepAt => TimeOf(Step) ?? MethodChosenAt;

    void IRailOrder.Verify(DateTimeOffset at) => MoveTo(PaymentStep.PayeeVerified, at);

    void IRailOrder.Settle(RailResult result, DateTimeOffset at)
    {
        MoveTo(PaymentStep.PayeeProcessed, at);
        Status = PaymentStatus.Succeeded;
        RailReference = result.RailReference;
    }

    void IRailOrder.Notify(DateTimeOffset at)
    {
        NotifiedAt = at;
        Step = PaymentStep.Notified;
        Version++;
    }

    InvalidTransitionException IRailOrder.Refuse(string transition) => new(nameof(Payment), $"{Status}/{Step}", transition);
}
