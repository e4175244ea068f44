using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Identity;
using Portal.Domain.Common;
using Portal.Domain.Merchants;

namespace Portal.Admin.Settings;

/// <summary>Reads and changes the signed-in owner's merchant settings; the merchant decides what is valid.</summary>
public sealed class MerchantSettings(IDbContextFactory<PortalDbContext> contexts, CurrentStaff currentStaff, IAuditLog audit,
    TimeProvider time, Microsoft.Extensions.Options.IOptions<RefundSettingsOptions> refundOptions)
{
    public async Task<CheckoutSettingsModel> LoadAsync(CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var merchant = await db.Merchants.AsNoTracking().SingleAsync(m => m.Id == staff.MerchantId, cancellationToken);
        return new CheckoutSettingsModel
        {
            AccentColor = merchant.AccentColor,
            QrFormat = merchant.QrFormat,
            CodeLifetimeMinutes = (int)merchant.FastPaymentLifetime.TotalMinutes,
        };
    }

    /// <summary>Saves all of the form or none of it; a refused field comes back as a DomainValidationException.</summary>
    public async Task SaveAsync(CheckoutSettingsModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var staff = await currentStaff.GetAsync();
        if (!staff.CanManageMerchant)
        {
            throw new UnauthorizedAccessException("Only an owner changes the merchant's settings.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var merchant = await db.Merchants.SingleAsync(m => m.Id == staff.MerchantId, cancellationToken);
        merchant.ChangeAccentColor(model.AccentColor?.Trim() ?? "");
        merchant.ConfigureFastPayments(model.QrFormat, TimeSpan.FromMinutes(model.CodeLifetimeMinutes));
        await SaveAsync(db, staff, "checkout", "Changed the checkout settings",
            new { accentColor = merchant.AccentColor, qrFormat = merchant.QrFormat.ToString(), codeLifetimeMinutes = model.CodeLifetimeMinutes },
            cancellationToken);
    }

    public async Task<RefundSettingsModel> LoadRefundsAsync(CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var merchant = await db.Merchants.AsNoTracking().SingleAsync(m => m.Id == staff.MerchantId, cancellationToken);
        var now = time.GetUtcNow();
        // A raise whose time has come is the threshold now, whether or not a save has written it down yet.
        var waiting = merchant.PendingRefundApprovalThresholdFrom > now;
        return new RefundSettingsModel
        {
            WindowDays = merchant.RefundWindowDays,
            ApprovalThreshold = merchant.RefundApprovalThresholdAt(now).ToAmountString(),
            CurrencyCode = merchant.RefundApprovalThreshold.Currency.Code,
            PendingThreshold = waiting ? merchant.PendingRefundApprovalThreshold : null,
            PendingFrom = waiting ? merchant.PendingRefundApprovalThresholdFrom : null,
            PendingBy = waiting ? merchant.PendingRefundApprovalThresholdBy : null,
        };
    }

    /// <summary>Saves both refund settings or neither; <see cref="Merchant.ConfigureRefunds"/> decides what is valid.</summary>
    public async Task SaveRefundsAsync(RefundSettingsModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var staff = await currentStaff.GetAsync();
        if (!staff.CanManageMerchant)
        {
            throw new UnauthorizedAccessException("Only an owner changes the merchant's settings.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var merchant = await db.Merchants.SingleAsync(m => m.Id == staff.MerchantId, cancellationToken);
        var currency = merchant.RefundApprovalThreshold.Currency;
        if (!Money.TryParse(model.ApprovalThreshold?.Trim(), currency, out var threshold))
        {
            throw new DomainValidationException(nameof(Merchant.RefundApprovalThreshold), currency.MinorUnits == 0
                ? $"Enter a whole amount in {currency.Code}, e.g. 1000."
                : $"Enter an amount in {currency.Code} with at most {currency.MinorUnits} decimals, e.g. 1000.00.");
        }
        var now = time.GetUtcNow();
        var before = merchant.RefundApprovalThresholdAt(now);
        var change = merchant.ConfigureRefunds(model.WindowDays, threshold, staff.DisplayName, now, refundOptions.Value.ThresholdRaiseDelay);
        await SaveAsync(db, staff, "refunds", "Changed the refund settings",
            new { windowDays = merchant.RefundWindowDays, approvalThreshold = merchant.RefundApprovalThreshold.ToString() }, cancellationToken);
        if (change == RefundThresholdChange.RaiseScheduled)
        {
            await audit.RecordAsync(staff, AuditActions.RefundThresholdRaiseScheduled,
                $"Asked to raise the refund approval threshold from {before.Format(System.Globalization.CultureInfo.InvariantCulture)} to {threshold.Format(System.Globalization.CultureInfo.InvariantCulture)}, in force from {merchant.PendingRefundApprovalThresholdFrom:u}",
                "Settings", "refunds",
                new { from = before.ToString(), to = threshold.ToString(), effectiveAt = merchant.PendingRefundApprovalThresholdFrom }, cancellationToken);
        }
    }

    /// <summary>Drops a raised threshold still waiting for its delay; any Owner may, not only the one who asked for it.</summary>
    public async Task<bool> CancelPendingThresholdAsync(CancellationToken cancellationToken = default)
    {
        var staff = await OwnerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var merchant = await db.Merchants.SingleAsync(m => m.Id == staff.MerchantId, cancellationToken);
        var pending = merchant.PendingRefundApprovalThreshold;
        var askedBy = merchant.PendingRefundApprovalThresholdBy;
        if (!merchant.CancelPendingRefundThreshold(time.GetUtcNow()))
        {
            return false;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The settings were changed meanwhile.", ex);
        }
        await audit.RecordAsync(staff, AuditActions.RefundThresholdRaiseCancelled,
            $"Cancelled the raise of the refund approval threshold to {pending?.Format(System.Globalization.CultureInfo.InvariantCulture)} asked for by {askedBy}",
            "Settings", "refunds", new { to = pending?.ToString(), askedBy }, cancellationToken);
        return true;
    }

    public async Task<ProfileSettingsModel> LoadProfileAsync(CancellationToken cancellationToken = default)
    {
        var merchant = await LoadMerchantAsync(cancellationToken);
        return new ProfileSettingsModel
        {
            Name = merchant.Name,
            SupportEmail = merchant.SupportEmail,
            City = merchant.City,
            CountryCode = merchant.CountryCode,
        };
    }

    /// <summary>Saves the merchant's profile; <see cref="Merchant.ChangeProfile"/> decides, the database keeps names unique.</summary>
    public async Task SaveProfileAsync(ProfileSettingsModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var staff = await OwnerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var merchant = await db.Merchants.SingleAsync(m => m.Id == staff.MerchantId, cancellationToken);
        merchant.ChangeProfile(model.Name, model.SupportEmail, model.City, model.CountryCode);
        if (await db.Merchants.AnyAsync(m => m.Id != merchant.Id && m.Name == merchant.Name, cancellationToken))
        {
            throw new DomainValidationException(nameof(Merchant.Name), "Another merchant on this Portal already uses this name.");
        }
        await SaveAsync(db, staff, "profile", "Changed the merchant profile",
            new { name = merchant.Name, supportEmail = merchant.SupportEmail, city = merchant.City, country = merchant.CountryCode },
            cancellationToken);
    }

    public async Task<CheckoutDefaultsModel> LoadDefaultsAsync(CancellationToken cancellationToken = default)
    {
        var merchant = await LoadMerchantAsync(cancellationToken);
        return new CheckoutDefaultsModel
        {
            LinkLifetime = Links.LinkFormModel.ChoiceFor(merchant.DefaultLinkLifetime),
            AllowRealTime = merchant.DefaultPaymentMethods.HasFlag(PaymentMethods.RealTime),
            AllowFast = merchant.DefaultPaymentMethods.HasFlag(PaymentMethods.Fast),
        };
    }

    /// <summary>Saves what new links offer unless staff choose otherwise; <see cref="Merchant.ConfigureCheckoutDefaults"/> decides.</summary>
    public async Task SaveDefaultsAsync(CheckoutDefaultsModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var staff = await OwnerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var merchant = await db.Merchants.SingleAsync(m => m.Id == staff.MerchantId, cancellationToken);
        var lifetime = Links.LinkFormModel.LifetimeOf(model.LinkLifetime)
            ?? throw new DomainValidationException(nameof(Merchant.DefaultLinkLifetime), "Choose how long new links stay open.");
        merchant.ConfigureCheckoutDefaults(lifetime, model.Methods);
        await SaveAsync(db, staff, "checkout-defaults", "Changed the defaults for new payment links",
            new { linkLifetime = Links.LinkFormModel.TextOf(model.LinkLifetime), methods = merchant.DefaultPaymentMethods.ToString() },
            cancellationToken);
    }

    /// <summary>The foreign currencies the merchant's payers may pay from, and the merchant's own currency.</summary>
    public async Task<(IReadOnlyList<string> Accepted, string Own)> LoadForeignPayersAsync(CancellationToken cancellationToken = default)
    {
        var merchant = await LoadMerchantAsync(cancellationToken);
        return (merchant.AcceptedForeignCurrencies.Select(c => c.Code).ToList(), merchant.CurrencyCode);
    }

    /// <summary>Saves which foreign-currency payers the merchant takes; <see cref="Merchant.ConfigureForeignPayers"/> decides.</summary>
    public async Task SaveForeignPayersAsync(IEnumerable<string> currencies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currencies);
        var staff = await OwnerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var merchant = await db.Merchants.SingleAsync(m => m.Id == staff.MerchantId, cancellationToken);
        merchant.ConfigureForeignPayers(currencies.Select(Currency.FromCode));
        await SaveAsync(db, staff, "foreign-payers", "Changed which foreign currencies payers may pay from",
            new { currencies = merchant.ForeignPayerCurrencies }, cancellationToken);
    }

    /// <summary>The logo's address, or null when the merchant has none.</summary>
    public async Task<string?> FindLogoUrlAsync(CancellationToken cancellationToken = default)
    {
        var merchant = await LoadMerchantAsync(cancellationToken);
        return Branding.LogoUrls.Of(merchant.Id, merchant.LogoUpdatedAt);
    }

    /// <summary>Replaces the checkout's logo; <see cref="MerchantLogo.Create"/> checks size and kind from the bytes.</summary>
    public async Task SaveLogoAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var staff = await OwnerAsync();
        var logo = MerchantLogo.Create(staff.MerchantId, content, time.GetUtcNow());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var merchant = await db.Merchants.SingleAsync(m => m.Id == staff.MerchantId, cancellationToken);
        var existing = await db.MerchantLogos.FirstOrDefaultAsync(l => l.MerchantId == merchant.Id, cancellationToken);
        if (existing is null)
        {
            db.MerchantLogos.Add(logo);
        }
        else
        {
            existing.Replace(logo);
        }
        merchant.UseLogo(logo);
        await SaveAsync(db, staff, "logo", "Uploaded a new checkout logo",
            new { contentType = logo.ContentType, bytes = logo.Content.Length }, cancellationToken);
    }

    public async Task RemoveLogoAsync(CancellationToken cancellationToken = default)
    {
        var staff = await OwnerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var merchant = await db.Merchants.SingleAsync(m => m.Id == staff.MerchantId, cancellationToken);
        var existing = await db.MerchantLogos.FirstOrDefaultAsync(l => l.MerchantId == merchant.Id, cancellationToken);
        if (existing is not null)
        {
            db.MerchantLogos.Remove(existing);
        }
        merchant.RemoveLogo();
        await SaveAsync(db, staff, "logo", "Removed the checkout logo", null, cancellationToken);
    }

    private async Task<Merchant> LoadMerchantAsync(CancellationToken cancellationToken)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Merchants.AsNoTracking().SingleAsync(m => m.Id == staff.MerchantId, cancellationToken);
    }

    private async Task<StaffMember> OwnerAsync()
    {
        var staff = await currentStaff.GetAsync();
        return staff.CanManageMerchant ? staff : throw new UnauthorizedAccessException("Only an owner changes the merchant's settings.");
    }

    /// <summary>Saves the form's changes, then records them in the audit log as one "settings changed" entry.</summary>
    private async Task SaveAsync(PortalDbContext db, StaffMember staff, string section, string summary, object? details,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The settings were changed meanwhile.", ex);
        }
        await audit.RecordAsync(staff, AuditActions.SettingsChanged, summary, "Settings", section, details, cancellationToken);
    }
}
