using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;

namespace Portal.Domain.Checkouts;

/// <summary>
/// What a merchant asks a customer to pay: a payment link or a checkout session, reached at <c>/pay/{token}</c>.
/// It is paid at most once: a payment must reserve it (step 3) before its order goes to the rail, and only one
/// payment can hold the reservation, so two methods approved at the same moment cannot both debit.
/// </summary>
public sealed class Checkout
{
    public const int DescriptionMaxLength = 200;

    /// <summary>
    /// Refusals of a PIN for a real account a link takes before it stops taking payments (<see cref="CountsTowardLock"/>).
    /// The bank locks one account after five wrong PINs; this stops one link from being used to try PINs across many
    /// accounts. Staff can reopen a locked link (<see cref="Reopen"/>).
    /// </summary>
    public const int MaxFailedAttempts = 10;
    public const int ReferenceMaxLength = 64;
    public const int ReturnUrlMaxLength = 2000;
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(90);

    /// <summary>Limits on the merchant's own key-value pairs: enough for order ids and notes, too small to be a database.</summary>
    public const int MetadataMaxEntries = 20;
    public const int MetadataKeyMaxLength = 40;
    public const int MetadataValueMaxLength = 500;

    /// <summary>
    /// How long a checkout started from the store QR code stays open: the customer is at the till and pays at once, and
    /// an amount typed by a customer should not stay payable for days.
    /// </summary>
    public static readonly TimeSpan StoreCheckoutLifetime = TimeSpan.FromHours(1);

    /// <summary>The merchant reference of checkouts the store QR code created, so staff can tell them from links.</summary>
    public const string StoreReference = "Store QR";

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private Checkout()
    {
    }

    public Guid Id { get; private set; }

    public Guid MerchantId { get; private set; }

    public string Token { get; private set; } = "";

    public long AmountMinorUnits { get; private set; }

    public string CurrencyCode { get; private set; } = "";

    public Money Amount => Money.FromMinorUnits(AmountMinorUnits, CurrencyCode);

    public string Description { get; private set; } = "";

    public string? MerchantReference { get; private set; }

    public string? ReturnUrl { get; private set; }

    public PaymentMethods AllowedMethods { get; private set; }

    /// <summary>The merchant's own key-value pairs (an order id, a customer number), returned in the API and webhooks untouched.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; private set; } = Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>The stored status; an open checkout past its expiry is expired whether or not a job has closed it yet.</summary>
    public CheckoutStatus Status { get; private set; }

    /// <summary>The payment whose order is with the rail; no other payment may start its order meanwhile.</summary>
    public Guid? ReservedByPaymentId { get; private set; }

    public Guid? PaidByPaymentId { get; private set; }

    /// <summary>Attempts refused for a wrong PIN on a real account; at <see cref="MaxFailedAttempts"/> the link closes to payments.</summary>
    public int FailedAttempts { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>When staff deactivated the link (status <see cref="CheckoutStatus.Cancelled"/>).</summary>
    public DateTimeOffset? DeactivatedAt { get; private set; }

    public string? CreatedBy { get; private set; }

    public int Version { get; private set; }

    public CheckoutStatus StatusAt(DateTimeOffset now) =>
        Status == CheckoutStatus.Open && now >= ExpiresAt ? CheckoutStatus.Expired : Status;

    /// <summary>Open, but closed to payments after <see cref="MaxFailedAttempts"/> refused PINs, until staff reopen it.</summary>
    public bool IsLockedAt(DateTimeOffset now) => StatusAt(now) == CheckoutStatus.Open && FailedAttempts >= MaxFailedAttempts;

    /// <summary>
    /// Whether a refusal with this code counts toward the link's lock: only those that name a real account whose PIN was
    /// tried. PIN1 (wrong PIN) is the guessing the lock exists to stop; PIN5 (account locked by the bank) is that
    /// guessing going on after the bank gave up on the account. AC01 (no such account) is not counted: anyone can type
    /// made-up numbers, and counting them let a vandal kill any link with ten submissions while learning nothing (the
    /// customer reads one refusal for all four codes). AC04 (closed account) is not counted either: the bank refuses it
    /// before looking at the PIN, so no PIN is guessed, and a closed account's number is no secret worth guarding.
    /// </summary>
    public static bool CountsTowardLock(string? failureCode) => failureCode is "PIN1" or "PIN5";

    public bool Allows(PaymentMethod method) => method switch
    {
        PaymentMethod.RealTime => AllowedMethods.HasFlag(PaymentMethods.RealTime),
        PaymentMethod.Fast => AllowedMethods.HasFlag(PaymentMethods.Fast),
        _ => false,
    };

    public static Checkout Create(Merchant merchant, CheckoutRequest request, DateTimeOffset now, string? createdBy = null)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();

        Money? amount = null;
        if (!Currency.TryFind(request.CurrencyCode, out var currency))
        {
            errors.Add(nameof(CheckoutRequest.CurrencyCode), $"'{request.CurrencyCode}' is not a supported ISO 4217 currency code.");
        }
        else if (currency.Code != merchant.CurrencyCode)
        {
            errors.Add(nameof(CheckoutRequest.CurrencyCode), $"{merchant.Name} settles in {merchant.CurrencyCode}; checkouts must be in {merchant.CurrencyCode}.");
        }
        else if (decimal.Round(request.Amount, currency.MinorUnits) != request.Amount)
        {
            errors.Add(nameof(CheckoutRequest.Amount), currency.MinorUnits == 0
                ? $"{currency.Code} amounts have no decimal places."
                : $"{currency.Code} amounts have at most {currency.MinorUnits} decimal places.");
        }
        else if (request.Amount <= 0)
        {
            errors.Add(nameof(CheckoutRequest.Amount), "The amount must be greater than zero.");
        }
        else if (request.Amount > merchant.MaxCheckoutAmount.Amount)
        {
            errors.Add(nameof(CheckoutRequest.Amount), $"The amount may be at most {merchant.MaxCheckoutAmount.Format()}.");
        }
        else
        {
            amount = Money.Of(request.Amount, currency);
        }

        var description = request.Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            errors.Add(nameof(CheckoutRequest.Description), "Describe what the customer pays for.");
        }
        else if (description.Length > DescriptionMaxLength)
        {
            errors.Add(nameof(CheckoutRequest.Description), $"The description has at most {DescriptionMaxLength} characters.");
        }

        var reference = string.IsNullOrWhiteSpace(request.MerchantReference) ? null : request.MerchantReference.Trim();
        if (reference is { Length: > ReferenceMaxLength })
        {
            errors.Add(nameof(CheckoutRequest.MerchantReference), $"The reference has at most {ReferenceMaxLength} characters.");
        }

        var returnUrl = string.IsNullOrWhiteSpace(request.ReturnUrl) ? null : request.ReturnUrl.Trim();
        if (returnUrl is not null &&
            (returnUrl.Length > ReturnUrlMaxLength ||
             !Uri.TryCreate(returnUrl, UriKind.Absolute, out var uri) ||
             uri.Scheme is not ("https" or "http")))
        {
            errors.Add(nameof(CheckoutRequest.ReturnUrl), "The return URL must be an absolute http or https address.");
        }

        if (request.ExpiresAt <= now)
        {
            errors.Add(nameof(CheckoutRequest.ExpiresAt), "The expiry must be in the future.");
        }
        else if (request.ExpiresAt > now + MaxLifetime)
        {
            errors.Add(nameof(CheckoutRequest.ExpiresAt), $"A checkout may stay open at most {MaxLifetime.TotalDays:0} days.");
        }

        if ((request.AllowedMethods & PaymentMethods.All) == PaymentMethods.None)
        {
            errors.Add(nameof(CheckoutRequest.AllowedMethods), "Allow at least one payment method.");
        }

        var metadata = request.Metadata ?? Empty;
        if (metadata.Count > MetadataMaxEntries)
        {
            errors.Add(nameof(CheckoutRequest.Metadata), $"Metadata holds at most {MetadataMaxEntries} keys.");
        }
        foreach (var (key, value) in metadata)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Length > MetadataKeyMaxLength)
            {
                errors.Add(nameof(CheckoutRequest.Metadata), $"Metadata keys have 1 to {MetadataKeyMaxLength} characters.");
                break;
            }
            if (value is null || value.Length > MetadataValueMaxLength)
            {
                errors.Add(nameof(CheckoutRequest.Metadata), $"The metadata value of \"{key}\" must be text of at most {MetadataValueMaxLength} characters.");
                break;
            }
        }

        errors.ThrowIfAny();

        return new Checkout
        {
            Id = Guid.CreateVersion7(now),
            MerchantId = merchant.Id,
            Token = CheckoutToken.New(),
            AmountMinorUnits = amount!.Value.MinorUnits,
            CurrencyCode = amount.Value.Currency.Code,
            Description = description,
            MerchantReference = reference,
            ReturnUrl = returnUrl,
            AllowedMethods = request.AllowedMethods & PaymentMethods.All,
            Metadata = new Dictionary<string, string>(metadata, StringComparer.Ordinal),
            CreatedAt = now,
            ExpiresAt = request.ExpiresAt,
            Status = CheckoutStatus.Open,
            CreatedBy = createdBy,
            Version = 1,
        };
    }

    /// <summary>
    /// A one-time checkout for an amount the customer typed after scanning the merchant's store QR code. The amount is
    /// checked as any other (currency's minor units, positive, at most the merchant's maximum); the rest comes from
    /// the merchant, whose store code must be on and not switched off.
    /// </summary>
    public static Checkout CreateAtStore(Merchant merchant, decimal amount, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        if (!merchant.IsStoreCodeTakingPayments)
        {
            throw new NotFoundException("Store code");
        }
        var request = new CheckoutRequest(amount, merchant.CurrencyCode, $"Payment to {merchant.Name}",
            now + StoreCheckoutLifetime, StoreReference, AllowedMethods: merchant.DefaultPaymentMethods);
        return Create(merchant, request, now);
    }

    /// <summary>
    /// A Manager or Owner of this checkout's merchant stops the link taking payments. Only an open link can be
    /// deactivated, and not while a payment for it is with the bank: that payment's outcome must stand.
    /// </summary>
    public void Deactivate(StaffActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.MerchantId != MerchantId)
        {
            // Another merchant's link reads as missing, never as "not allowed".
            throw new NotFoundException("Payment link");
        }
        if (!actor.CanManagePayments)
        {
            throw new ForbiddenException("Only a Manager or Owner deactivates payment links.");
        }
        var status = StatusAt(now);
        if (status != CheckoutStatus.Open)
        {
            throw new InvalidTransitionException(nameof(Checkout), status.ToString(), CheckoutStatus.Cancelled.ToString());
        }
        if (ReservedByPaymentId is not null)
        {
            throw new DomainException("A payment for this link is with the bank. Deactivate the link once that payment has finished.");
        }
        Status = CheckoutStatus.Cancelled;
        DeactivatedAt = now;
        Version++;
    }

    /// <summary>
    /// A Manager or Owner of this checkout's merchant opens a link that too many refused PINs locked: the count starts
    /// again and customers can pay. Only a locked link that is still open (not expired, paid or deactivated) can be
    /// reopened; anything else is an <see cref="InvalidTransitionException"/>, so a reopen cannot revive an expired link.
    /// </summary>
    public void Reopen(StaffActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.MerchantId != MerchantId)
        {
            throw new NotFoundException("Payment link");
        }
        if (!actor.CanManagePayments)
        {
            throw new ForbiddenException("Only a Manager or Owner reopens payment links.");
        }
        if (!IsLockedAt(now))
        {
            var status = StatusAt(now);
            throw new InvalidTransitionException(nameof(Checkout), status == CheckoutStatus.Open ? "Open (not locked)" : status.ToString(),
                "Reopened");
        }
        FailedAttempts = 0;
        Version++;
    }

    /// <summary>
    /// Step 1: the customer picked a method. Refused unless the checkout is open for it. A fast payment's QR code can be
    /// approved for <paramref name="codeLifetime"/> (the merchant's setting), never past the checkout's own expiry.
    /// </summary>
    public Payment StartPayment(PaymentMethod method, DateTimeOffset now, TimeSpan? codeLifetime = null)
    {
        var refusal = RefusalFor(null, now);
        if (refusal is not null)
        {
            throw new CheckoutClosedException(refusal);
        }
        if (!Allows(method))
        {
            throw new DomainValidationException("Method", $"This checkout does not accept {method} payments.");
        }
        DateTimeOffset? codeExpiresAt = null;
        if (method == PaymentMethod.Fast)
        {
            var until = now + (codeLifetime ?? Merchant.DefaultFastPaymentLifetime);
            codeExpiresAt = until < ExpiresAt ? until : ExpiresAt;
        }
        return Payment.Start(this, method, now, codeExpiresAt);
    }

    /// <summary>
    /// Step 3's check: the checkout accepts this payment's order, or says why not. On success the payment holds the
    /// reservation until it succeeds or fails; the bumped version makes a concurrent reservation lose at save.
    /// </summary>
    public FailureReason? TryReserve(Payment payment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var refusal = RefusalFor(payment.Id, now);
        if (refusal is not null)
        {
            return refusal;
        }
        if (payment.CheckoutId != Id || payment.AmountMinorUnits != AmountMinorUnits || payment.CurrencyCode != CurrencyCode)
        {
            throw new DomainException("The payment does not belong to this checkout.");
        }
        ReservedByPaymentId = payment.Id;
        Version++;
        return null;
    }

    /// <summary>The reserving payment succeeded: the checkout is paid and refuses every further attempt.</summary>
    public void MarkPaid(Payment payment, DateTimeOffset now)
    {
        if (ReservedByPaymentId != payment.Id || payment.Status != PaymentStatus.Succeeded)
        {
            throw new InvalidTransitionException(nameof(Checkout), Status.ToString(), CheckoutStatus.Paid.ToString());
        }
        Status = CheckoutStatus.Paid;
        PaidByPaymentId = payment.Id;
        PaidAt = now;
        ReservedByPaymentId = null;
        Version++;
    }

    /// <summary>The reserving payment failed: the checkout is free for another attempt.</summary>
    public void Release(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (ReservedByPaymentId == payment.Id)
        {
            ReservedByPaymentId = null;
            if (CountsTowardLock(payment.FailureCode))
            {
                FailedAttempts++;
            }
            Version++;
        }
    }

    /// <summary>Closes an open checkout whose time is up (the background job does this; the status reads expired before it).</summary>
    public bool CloseIfExpired(DateTimeOffset now)
    {
        if (Status != CheckoutStatus.Open || now < ExpiresAt || ReservedByPaymentId is not null)
        {
            return false;
        }
        Status = CheckoutStatus.Expired;
        Version++;
        return true;
    }

    private FailureReason? RefusalFor(Guid? paymentId, DateTimeOffset now) => StatusAt(now) switch
    {
        CheckoutStatus.Paid => FailureReason.Duplicate,
        CheckoutStatus.Expired => FailureReason.Expired,
        CheckoutStatus.Cancelled => FailureReason.Deactivated,
        _ when ReservedByPaymentId is { } reserved && reserved != paymentId && paymentId is not null => FailureReason.Duplicate,
        _ when FailedAttempts >= MaxFailedAttempts => FailureReason.TooManyAttempts,
        _ => null,
    };
}
