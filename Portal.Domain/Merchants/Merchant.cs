using System.Net.Mail;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;

namespace Portal.Domain.Merchants;

/// <summary>A business that takes payments through Portal and settles them into its account at the rail.</summary>
public sealed class Merchant
{
    public static readonly TimeSpan DefaultFastPaymentLifetime = TimeSpan.FromMinutes(15);
    public const int DefaultRefundWindowDays = 180;
    public const decimal DefaultRefundApprovalThreshold = 1_000m;
    public const int NameMaxLength = 100;
    public const int CityMaxLength = 60;
    public const int SupportEmailMaxLength = 254;
    public static readonly TimeSpan DefaultLinkLifetimeValue = TimeSpan.FromDays(7);

    private Merchant()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>ISO 18245 merchant category code, carried in EMV QR payloads.</summary>
    public string CategoryCode { get; private set; } = "5999";

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string CountryCode { get; private set; } = "CN";

    public string City { get; private set; } = "";

    /// <summary>The currency the merchant settles in; checkouts are created in it.</summary>
    public string CurrencyCode { get; private set; } = "CNY";

    public Currency Currency => Currency.FromCode(CurrencyCode);

    /// <summary>Where the rail credits this merchant's payments and debits its refunds.</summary>
    public string SettlementAccount { get; private set; } = "";

    /// <summary>The checkout page's accent colour, as #RRGGBB.</summary>
    public string AccentColor { get; private set; } = "#3F51B5";

    /// <summary>The largest amount one checkout may ask for, in minor units of <see cref="Currency"/>.</summary>
    public long MaxCheckoutMinorUnits { get; private set; }

    public Money MaxCheckoutAmount => Money.FromMinorUnits(MaxCheckoutMinorUnits, Currency);

    /// <summary>What the fast-payment QR code carries. Defaults to a link to the wallet page.</summary>
    public QrFormat QrFormat { get; private set; } = QrFormat.Link;

    /// <summary>How long a fast payment's QR code can be approved after it is shown. Defaults to 15 minutes.</summary>
    public TimeSpan FastPaymentLifetime { get; private set; } = DefaultFastPaymentLifetime;

    /// <summary>How many days after a payment succeeded it can still be refunded. Defaults to 180.</summary>
    public int RefundWindowDays { get; private set; } = DefaultRefundWindowDays;

    /// <summary>
    /// Refunds above this amount wait for a second Manager or Owner (four-eyes), in minor units of <see cref="Currency"/>;
    /// so do refunds that would take a payment's refunds, or one staff member's refunds of the day, above it
    /// (<see cref="RefundApprovalReason"/>). A raise waiting for its delay is not in here yet: read
    /// <see cref="RefundApprovalThresholdAt"/>.
    /// </summary>
    public long RefundApprovalThresholdMinorUnits { get; private set; }

    public Money RefundApprovalThreshold => Money.FromMinorUnits(RefundApprovalThresholdMinorUnits, Currency);

    /// <summary>A raised threshold waiting for its delay to pass, in minor units; null when none waits.</summary>
    public long? PendingRefundApprovalThresholdMinorUnits { get; private set; }

    /// <summary>When the waiting raise takes effect.</summary>
    public DateTimeOffset? PendingRefundApprovalThresholdFrom { get; private set; }

    /// <summary>Who asked for the waiting raise, as the audit log names them.</summary>
    public string? PendingRefundApprovalThresholdBy { get; private set; }

    public Money? PendingRefundApprovalThreshold =>
        PendingRefundApprovalThresholdMinorUnits is { } pending ? Money.FromMinorUnits(pending, Currency) : null;

    /// <summary>Where customers write with questions about a payment; shown on the checkout. Optional.</summary>
    public string? SupportEmail { get; private set; }

    /// <summary>How long a new payment link stays open unless staff choose otherwise. Defaults to 7 days.</summary>
    public TimeSpan DefaultLinkLifetime { get; private set; } = DefaultLinkLifetimeValue;

    /// <summary>The methods new links and store checkouts offer unless staff choose otherwise. Defaults to both.</summary>
    public PaymentMethods DefaultPaymentMethods { get; private set; } = PaymentMethods.All;

    /// <summary>
    /// The unguessable part of the store QR code's address (<c>/pay/store/{token}</c>), where customers type the amount
    /// themselves; null until an owner turns the store code on.
    /// </summary>
    public string? StoreToken { get; private set; }

    /// <summary>When an owner switched the store code off; null while it takes payments (or before it is on).</summary>
    public DateTimeOffset? StoreCodeOffSince { get; private set; }

    /// <summary>Whether the store code's page creates checkouts: it is on and not switched off.</summary>
    public bool IsStoreCodeTakingPayments => StoreToken is not null && StoreCodeOffSince is null;

    /// <summary>When the current logo was uploaded; null when the checkout shows the name only.</summary>
    public DateTimeOffset? LogoUpdatedAt { get; private set; }

    /// <summary>
    /// Every staff member must sign in with two factors, not only Owners (who always must). Defaults to false.
    /// </summary>
    public bool RequiresTwoFactorForAllStaff { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Version { get; private set; }

    public static Merchant Create(string name, string city, Currency currency, AccountNumber settlementAccount,
        DateTimeOffset now, string countryCode = "CN", string categoryCode = "5999", decimal maxCheckoutAmount = 1_000_000m)
    {
        var errors = new ValidationErrors();
        CheckNameCityCountry(errors, name, city, countryCode);
        if (categoryCode is not { Length: 4 } || !categoryCode.All(char.IsAsciiDigit))
        {
            errors.Add(nameof(CategoryCode), "A merchant category code has four digits.");
        }
        errors.ThrowIfAny();

        return new Merchant
        {
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            City = city.Trim(),
            CountryCode = countryCode,
            CategoryCode = categoryCode,
            CurrencyCode = currency.Code,
            SettlementAccount = settlementAccount.Value,
            MaxCheckoutMinorUnits = Money.Of(maxCheckoutAmount, currency).MinorUnits,
            RefundApprovalThresholdMinorUnits = Money.Of(DefaultRefundApprovalThreshold, currency).MinorUnits,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// The merchant as customers see it: its name (checkout header, EMV QR tag 59), support email (optional), and city
    /// and country (EMV QR tags 60 and 58, where a QR code must name them in ASCII).
    /// </summary>
    public void ChangeProfile(string name, string? supportEmail, string city, string countryCode)
    {
        var errors = new ValidationErrors();
        name = name?.Trim() ?? "";
        city = city?.Trim() ?? "";
        countryCode = countryCode?.Trim().ToUpperInvariant() ?? "";
        CheckNameCityCountry(errors, name, city, countryCode);
        var email = string.IsNullOrWhiteSpace(supportEmail) ? null : supportEmail.Trim();
        if (email is not null && (email.Length > SupportEmailMaxLength || !IsEmailAddress(email)))
        {
            errors.Add(nameof(SupportEmail), "Enter an email address such as help@shop.example, or leave it empty.");
        }
        errors.ThrowIfAny();
        Name = name;
        City = city;
        CountryCode = countryCode;
        SupportEmail = email;
        Version++;
    }

    /// <summary>What new payment links offer unless staff choose otherwise: how long they stay open and which methods.</summary>
    public void ConfigureCheckoutDefaults(TimeSpan linkLifetime, PaymentMethods methods)
    {
        var errors = new ValidationErrors();
        if (linkLifetime < TimeSpan.FromHours(1) || linkLifetime > Checkout.MaxLifetime)
        {
            errors.Add(nameof(DefaultLinkLifetime), $"Links stay open between 1 hour and {Checkout.MaxLifetime.TotalDays:0} days.");
        }
        if ((methods & PaymentMethods.All) == PaymentMethods.None || (methods & ~PaymentMethods.All) != PaymentMethods.None)
        {
            errors.Add(nameof(DefaultPaymentMethods), "Offer at least one payment method.");
        }
        errors.ThrowIfAny();
        DefaultLinkLifetime = linkLifetime;
        DefaultPaymentMethods = methods;
        Version++;
    }

    /// <summary>
    /// The currencies of payer accounts the merchant takes through an FX quote, as ISO codes separated by commas (the
    /// merchant is still paid in its own currency); empty when it takes only payers in its own currency. New merchants
    /// take every currency the sandbox bank converts.
    /// </summary>
    public string ForeignPayerCurrencies { get; private set; } = DefaultForeignPayerCurrencies;

    public const string DefaultForeignPayerCurrencies = "USD,EUR,GBP,HKD,JPY";

    public const int ForeignPayerCurrenciesMaxLength = 200;

    /// <summary>Whether a payer whose account is in <paramref name="currency"/> may pay this merchant.</summary>
    public bool AcceptsPayerCurrency(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return currency.Code == CurrencyCode ||
               ForeignPayerCurrencies.Split(',', StringSplitOptions.RemoveEmptyEntries).Contains(currency.Code, StringComparer.Ordinal);
    }

    /// <summary>The foreign currencies the merchant takes; none turns cross-border payments off.</summary>
    public IReadOnlyList<Currency> AcceptedForeignCurrencies =>
        ForeignPayerCurrencies.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Where(code => code != CurrencyCode).Select(Currency.FromCode).ToList();

    /// <summary>
    /// Which foreign-currency payers the merchant takes: none turns cross-border payments off, so those payers are told
    /// the shop does not take their currency before anything is quoted.
    /// </summary>
    public void ConfigureForeignPayers(IEnumerable<Currency> currencies)
    {
        ArgumentNullException.ThrowIfNull(currencies);
        var codes = currencies.Select(c => c.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (codes.Contains(CurrencyCode, StringComparer.Ordinal))
        {
            throw new DomainValidationException(nameof(ForeignPayerCurrencies), $"{CurrencyCode} is this shop's own currency, not a foreign one.");
        }
        var joined = string.Join(',', codes);
        if (joined.Length > ForeignPayerCurrenciesMaxLength)
        {
            throw new DomainValidationException(nameof(ForeignPayerCurrencies), "Choose fewer currencies.");
        }
        ForeignPayerCurrencies = joined;
        Version++;
    }

    /// <summary>Turns the store QR code on (once; its address then stays the same so printed codes keep working).</summary>
    public string EnableStoreCode()
    {
        if (StoreToken is null)
        {
            StoreToken = CheckoutToken.New();
            Version++;
        }
        return StoreToken;
    }

    /// <summary>
    /// A new store code replaces the current one (a printed copy was stolen or is worn): the old address stops creating
    /// checkouts and says it was replaced. An off code stays off under its new address.
    /// </summary>
    /// <returns>The code just retired, to keep so that its address can say so.</returns>
    public RetiredStoreCode RenewStoreCode(DateTimeOffset now)
    {
        var old = StoreToken ?? throw new InvalidTransitionException("Store code", "none", "renewed");
        StoreToken = CheckoutToken.New();
        Version++;
        return new RetiredStoreCode(old, Id, now);
    }

    /// <summary>The store code's page stops creating checkouts until an owner switches it on again; its address stays.</summary>
    public void SwitchStoreCodeOff(DateTimeOffset now)
    {
        if (!IsStoreCodeTakingPayments)
        {
            throw new InvalidTransitionException("Store code", StoreToken is null ? "none" : "off", "off");
        }
        StoreCodeOffSince = now;
        Version++;
    }

    /// <summary>A switched-off store code takes payments again, at the same address.</summary>
    public void SwitchStoreCodeOn()
    {
        if (StoreToken is null || StoreCodeOffSince is null)
        {
            throw new InvalidTransitionException("Store code", StoreToken is null ? "none" : "on", "on");
        }
        StoreCodeOffSince = null;
        Version++;
    }

    /// <summary>Shows <paramref name="logo"/> on the checkout from now on; the logo itself was checked when it was made.</summary>
    public void UseLogo(MerchantLogo logo)
    {
        ArgumentNullException.ThrowIfNull(logo);
        if (logo.MerchantId != Id)
        {
            throw new DomainException("The logo belongs to another merchant.");
        }
        LogoUpdatedAt = logo.UploadedAt;
        Version++;
    }

    /// <summary>The checkout shows the merchant's name only.</summary>
    public void RemoveLogo()
    {
        LogoUpdatedAt = null;
        Version++;
    }

    /// <summary>Sets how fast payments are shown: the QR code's format and how long it can be approved (1 minute to 1 day).</summary>
    public void ConfigureFastPayments(QrFormat format, TimeSpan lifetime)
    {
        if (lifetime < TimeSpan.FromMinutes(1) || lifetime > TimeSpan.FromDays(1))
        {
            throw new DomainValidationException(nameof(FastPaymentLifetime), "A QR code stays valid between 1 minute and 1 day.");
        }
        if (!Enum.IsDefined(format))
        {
            throw new DomainValidationException(nameof(QrFormat), "Unknown QR code format.");
        }
        QrFormat = format;
        FastPaymentLifetime = lifetime;
        Version++;
    }

    /// <summary>The checkout's accent colour, as #RRGGBB.</summary>
    public void ChangeAccentColor(string accentColor)
    {
        if (accentColor is not { Length: 7 } || accentColor[0] != '#' || !accentColor[1..].All(char.IsAsciiHexDigit))
        {
            throw new DomainValidationException(nameof(AccentColor), "A colour is written #RRGGBB, e.g. #3F51B5.");
        }
        AccentColor = accentColor.ToUpperInvariant();
        Version++;
    }

    /// <summary>
    /// Sets the refund rules: how many days after a payment it can be refunded (1 to 730), and above which amount a
    /// refund needs a second Manager or Owner (zero: every refund does). Lowering the threshold takes effect at once;
    /// raising it only after <paramref name="raiseDelay"/>, so that one Owner's account, stolen or not, cannot raise it
    /// and refund a fortune before the other Owners can see the change in the audit log and cancel it. Saving the
    /// threshold in force, or the raise already waiting, changes neither (the form sends both settings at once).
    /// </summary>
    public RefundThresholdChange ConfigureRefunds(int windowDays, Money approvalThreshold, string changedBy, DateTimeOffset now,
        TimeSpan raiseDelay)
    {
        var errors = new ValidationErrors();
        if (windowDays is < 1 or > 730)
        {
            errors.Add(nameof(RefundWindowDays), "Refunds can be allowed for 1 to 730 days after a payment.");
        }
        if (approvalThreshold.Currency != Currency)
        {
            errors.Add(nameof(RefundApprovalThreshold), $"The threshold is in {CurrencyCode}, the merchant's currency.");
        }
        else if (approvalThreshold.MinorUnits < 0)
        {
            errors.Add(nameof(RefundApprovalThreshold), "The threshold cannot be negative.");
        }
        if (raiseDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(raiseDelay), "The delay of a raise cannot be negative.");
        }
        errors.ThrowIfAny();
        ApplyDueRefundThreshold(now);
        RefundWindowDays = windowDays;
        Version++;

        var wanted = approvalThreshold.MinorUnits;
        if (wanted == RefundApprovalThresholdMinorUnits || wanted == PendingRefundApprovalThresholdMinorUnits)
        {
            return RefundThresholdChange.Unchanged;
        }
        if (wanted < RefundApprovalThresholdMinorUnits || raiseDelay == TimeSpan.Zero)
        {
            RefundApprovalThresholdMinorUnits = wanted;
            ClearPendingRefundThreshold();
            return RefundThresholdChange.AppliedNow;
        }
        PendingRefundApprovalThresholdMinorUnits = wanted;
        PendingRefundApprovalThresholdFrom = now + raiseDelay;
        PendingRefundApprovalThresholdBy = changedBy;
        return RefundThresholdChange.RaiseScheduled;
    }

    /// <summary>Drops a raise still waiting for its delay; false when there was none (or it has already taken effect).</summary>
    public bool CancelPendingRefundThreshold(DateTimeOffset now)
    {
        ApplyDueRefundThreshold(now);
        if (PendingRefundApprovalThresholdMinorUnits is null)
        {
            return false;
        }
        ClearPendingRefundThreshold();
        Version++;
        return true;
    }

    /// <summary>The threshold in force at <paramref name="now"/>: a waiting raise counts once its time has come.</summary>
    public Money RefundApprovalThresholdAt(DateTimeOffset now) =>
        Money.FromMinorUnits(
            PendingRefundApprovalThresholdMinorUnits is { } pending && now >= PendingRefundApprovalThresholdFrom
                ? pending
                : RefundApprovalThresholdMinorUnits,
            Currency);

    /// <summary>
    /// Why a refund of <paramref name="amount"/> needs a second pair of eyes, or null when it does not: it is above the
    /// threshold on its own; or with <paramref name="paymentRefunds"/> (the payment's refunds made or under way, by
    /// anyone: as a payment can only be refunded within <see cref="RefundWindowDays"/> of it, these are all its refunds
    /// in the window); or with <paramref name="actorRefundsToday"/> (what this staff member or API key refunded today,
    /// on any payment, without a second approver, not counting refunds that failed). Splitting a large refund into small ones,
    /// over one payment or many, therefore meets the same second pair of eyes as asking for it at once.
    /// </summary>
    public string? RefundApprovalReason(Money amount, Money paymentRefunds, Money actorRefundsToday, string actorName,
        DateTimeOffset now)
    {
        var threshold = RefundApprovalThresholdAt(now);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (amount > threshold)
        {
            return $"{amount.Format(culture)} is above the {threshold.Format(culture)} threshold.";
        }
        if (amount + paymentRefunds > threshold)
        {
            return $"This payment's refunds would total {(amount + paymentRefunds).Format(culture)}, above the {threshold.Format(culture)} threshold.";
        }
        if (amount + actorRefundsToday > threshold)
        {
            return $"{actorName}'s refunds today would total {(amount + actorRefundsToday).Format(culture)}, above the {threshold.Format(culture)} threshold.";
        }
        return null;
    }

    /// <summary>
    /// Marks the merchant changed by a refund request, so that requests save one after the other: the sum of a staff
    /// member's refunds today is read before the save, and a parallel request that read the same sum loses at the
    /// merchant's version and decides again with this one counted. Refunds are rare enough per merchant that queueing
    /// them costs nothing, and a threshold changed meanwhile is seen by the retry too.
    /// </summary>
    public void CountRefundRequest() => Version++;

    private void ApplyDueRefundThreshold(DateTimeOffset now)
    {
        if (PendingRefundApprovalThresholdMinorUnits is { } pending && now >= PendingRefundApprovalThresholdFrom)
        {
            RefundApprovalThresholdMinorUnits = pending;
            ClearPendingRefundThreshold();
            Version++;
        }
    }

    private void ClearPendingRefundThreshold()
    {
        PendingRefundApprovalThresholdMinorUnits = null;
        PendingRefundApprovalThresholdFrom = null;
        PendingRefundApprovalThresholdBy = null;
    }

    /// <summary>Whether every staff member, not only Owners, must sign in with two factors.</summary>
    public void RequireTwoFactorForAllStaff(bool required)
    {
        RequiresTwoFactorForAllStaff = required;
        Version++;
    }

    private static void CheckNameCityCountry(ValidationErrors errors, string? name, string? city, string? countryCode)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
        {
            errors.Add(nameof(Name), $"A merchant name has 1 to {NameMaxLength} characters.");
        }
        // EMV QR codes carry the city in ASCII (tag 60): a name a wallet cannot show is refused here, not at payment.
        if (string.IsNullOrWhiteSpace(city) || city.Trim().Length > CityMaxLength)
        {
            errors.Add(nameof(City), $"A city has 1 to {CityMaxLength} characters.");
        }
        else if (!city.All(c => c is >= ' ' and <= '~'))
        {
            errors.Add(nameof(City), "Write the city in Latin letters (as QR codes carry it), e.g. Shanghai.");
        }
        if (countryCode is not { Length: 2 } || !countryCode.All(char.IsAsciiLetterUpper))
        {
            errors.Add(nameof(CountryCode), "A country is a two-letter ISO 3166 code, e.g. CN.");
        }
    }

    private static bool IsEmailAddress(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.', StringComparison.Ordinal);
}
