using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Admin.Links;

/// <summary>
/// What staff do to payment links, as the signed-in member of this circuit; the checkout and merchant decide what is
/// allowed, and each change that happened goes to the audit log.
/// </summary>
public sealed class LinkActions(CheckoutLifecycle checkouts, CurrentStaff currentStaff, IAuditLog audit,
    IDbContextFactory<PortalDbContext> contexts, TimeProvider time)
{
    public async Task<Checkout> CreateAsync(CheckoutRequest request)
    {
        var staff = await currentStaff.GetAsync();
        if (!staff.CanManagePayments)
        {
            throw new ForbiddenException("Only a Manager or Owner creates payment links.");
        }
        var checkout = await checkouts.CreateCheckoutAsync(staff.MerchantId, request, staff.Email);
        await audit.RecordAsync(staff, AuditActions.LinkCreated,
            $"Created payment link \"{checkout.Description}\" for {checkout.Amount.Format()}",
            "Checkout", checkout.Id.ToString(), new { amount = checkout.Amount.ToString(), checkout.ExpiresAt, checkout.MerchantReference });
        return checkout;
    }

    public async Task<Checkout> DeactivateAsync(Guid checkoutId)
    {
        var staff = await currentStaff.GetAsync();
        var checkout = await checkouts.DeactivateCheckoutAsync(staff.AsActor(), checkoutId);
        await audit.RecordAsync(staff, AuditActions.LinkDeactivated,
            $"Deactivated payment link \"{checkout.Description}\" ({checkout.Amount.Format()})", "Checkout", checkout.Id.ToString());
        return checkout;
    }

    /// <summary>Opens a link that refused PINs locked, so customers can pay it again.</summary>
    public async Task<Checkout> ReopenAsync(Guid checkoutId)
    {
        var staff = await currentStaff.GetAsync();
        var checkout = await checkouts.ReopenCheckoutAsync(staff.AsActor(), checkoutId);
        await audit.RecordAsync(staff, AuditActions.LinkReopened,
            $"Reopened payment link \"{checkout.Description}\" ({checkout.Amount.Format()}) after too many refused PINs",
            "Checkout", checkout.Id.ToString());
        return checkout;
    }

    /// <summary>Turns the merchant's store QR code on (owners) and returns its token; the same token once it is on.</summary>
    public async Task<string> EnableStoreCodeAsync()
    {
        var staff = await currentStaff.GetAsync();
        if (!staff.CanManageMerchant)
        {
            throw new ForbiddenException("Only an owner turns the store QR code on.");
        }
        await using var db = await contexts.CreateDbContextAsync();
        var merchant = await db.Merchants.SingleAsync(m => m.Id == staff.MerchantId);
        var wasOn = merchant.StoreToken is not null;
        var token = merchant.EnableStoreCode();
        if (!wasOn)
        {
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateConcurrencyException ex)
            {
                throw new ConcurrencyConflictException("The merchant was changed meanwhile.", ex);
            }
            await audit.RecordAsync(staff, AuditActions.StoreCodeEnabled, "Turned the store QR code on", "Merchant", merchant.Id.ToString());
        }
        return token;
    }

    /// <summary>
    /// Replaces the store QR code (owners): the old address stops creating checkouts at once and says it was replaced,
    /// so a stolen or copied print is useless; the owner prints the new one.
    /// </summary>
    public Task RenewStoreCodeAsync() => ChangeStoreCodeAsync(AuditActions.StoreCodeRenewed,
        "Replaced the store QR code; the old one no longer takes payments",
        (db, merchant, now) => db.RetiredStoreCodes.Add(merchant.RenewStoreCode(now)));

    /// <summary>The store QR code stops taking payments (owners) until switched on again; printed copies stay valid.</summary>
    public Task SwitchStoreCodeOffAsync() => ChangeStoreCodeAsync(AuditActions.StoreCodeSwitchedOff,
        "Switched the store QR code off", (_, merchant, now) => merchant.SwitchStoreCodeOff(now));

    /// <summary>A switched-off store QR code takes payments again (owners).</summary>
    public Task SwitchStoreCodeOnAsync() => ChangeStoreCodeAsync(AuditActions.StoreCodeSwitchedOn,
        "Switched the store QR code on again", (_, merchant, _) => merchant.SwitchStoreCodeOn());

    private async Task ChangeStoreCodeAsync(string action, string summary, Action<PortalDbContext, Domain.Merchants.Merchant, DateTimeOffset> change)
    {
        var staff = await currentStaff.GetAsync();
        if (!staff.CanManageMerchant)
        {
            throw new ForbiddenException("Only an owner changes the store QR code.");
        }
        await using var db = await contexts.CreateDbContextAsync();
        var merchant = await db.Merchants.SingleAsync(m => m.Id == staff.MerchantId);
        change(db, merchant, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The merchant was changed meanwhile.", ex);
        }
        await audit.RecordAsync(staff, action, summary, "Merchant", merchant.Id.ToString());
    }
}
