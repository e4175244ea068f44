using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;

namespace Portal.Admin.Settings;

/// <summary>Reads and changes the signed-in owner's merchant settings; the merchant decides what is valid.</summary>
public sealed class MerchantSettings(IDbContextFactory<PortalDbContext> contexts, CurrentStaff currentStaff)
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
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The settings were changed meanwhile.", ex);
        }
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
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The settings were changed meanwhile.", ex);
        }
    }
}
