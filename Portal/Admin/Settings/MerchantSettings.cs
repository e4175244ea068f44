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
    TimeProvider time)
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
        return new RefundSettingsModel
        {
            WindowDays = merchant.RefundWindowDays,
            ApprovalThreshold = merchant.RefundApprovalThreshold.ToAmountString(),
            CurrencyCode = merchant.RefundApprovalThreshold.Currency.Code,
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
        merchant.ConfigureRefunds(model.WindowDays, threshold);
        await SaveAsync(db, staff, "refunds", "Changed the refund settings",
            new { windowDays = merchant.RefundWindowDays, approvalThreshold = merchant.RefundApprovalThreshold.ToString() }, cancellationToken);
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
