using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;

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
}
