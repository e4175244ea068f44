using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Identity;

namespace Portal.Admin.Settings;

/// <summary>
/// The owner's switch "Require two-factor for all staff". Owners must always have it; this extends it to Managers and
/// Viewers, whose open sessions are held at the set-up page within a minute (the security-stamp check recomputes it).
/// </summary>
public sealed class StaffSecuritySettings(IDbContextFactory<PortalDbContext> contexts, CurrentStaff currentStaff, IAuditLog audit)
{
    public async Task<bool> LoadRequiresTwoFactorAsync(CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Merchants.Where(m => m.Id == staff.MerchantId).Select(m => m.RequiresTwoFactorForAllStaff)
            .SingleAsync(cancellationToken);
    }

    public async Task SaveRequiresTwoFactorAsync(bool required, CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        if (!staff.CanManageMerchant)
        {
            throw new UnauthorizedAccessException("Only an owner changes the merchant's settings.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var merchant = await db.Merchants.SingleAsync(m => m.Id == staff.MerchantId, cancellationToken);
        merchant.RequireTwoFactorForAllStaff(required);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The settings were changed meanwhile.", ex);
        }
        await audit.RecordAsync(staff, AuditActions.SettingsChanged,
            required ? "Required two-factor sign-in for all staff" : "Required two-factor sign-in for Owners only",
            "Settings", "staff-security", new { requireTwoFactorForAllStaff = required }, cancellationToken);
    }
}
