using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Payments;

namespace Portal.Pay;

/// <summary>Reads for the anonymous checkout page; everything is reached through the checkout's unguessable token.</summary>
public sealed class CheckoutQueries(IDbContextFactory<PortalDbContext> contexts, TimeProvider time)
{
    public async Task<CheckoutView?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!CheckoutToken.IsWellFormed(token))
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Checkouts.AsNoTracking()
            .Where(c => c.Token == token)
            .Join(db.Merchants, c => c.MerchantId, m => m.Id,
                (c, m) => new { Checkout = c, m.Name, m.AccentColor, m.City, m.CountryCode, m.CategoryCode, m.QrFormat, m.LogoUpdatedAt, m.SupportEmail })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var checkout = found.Checkout;
        // The payment that matters: the one that paid, else one with the rail, else the latest attempt.
        var current = checkout.PaidByPaymentId ?? checkout.ReservedByPaymentId;
        var payment = current is { } id
            ? await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            : await db.Payments.AsNoTracking()
                .Where(p => p.CheckoutId == checkout.Id)
                .OrderByDescending(p => p.MethodChosenAt)
                .FirstOrDefaultAsync(cancellationToken);

        return new CheckoutView(
            checkout.Id,
            checkout.Token,
            found.Name,
            found.AccentColor,
            checkout.Amount,
            checkout.Description,
            checkout.MerchantReference,
            checkout.ReturnUrl,
            checkout.ExpiresAt,
            checkout.StatusAt(time.GetUtcNow()),
            checkout.AllowedMethods,
            payment?.Snapshot(checkout.Token),
            found.City,
            found.CountryCode,
            found.CategoryCode,
            found.QrFormat,
            checkout.FailedAttempts >= Domain.Checkouts.Checkout.MaxFailedAttempts,
            Branding.LogoUrls.Of(checkout.MerchantId, found.LogoUpdatedAt),
            found.SupportEmail);
    }

    /// <summary>The merchant behind a store QR code (on or switched off), or null for an unknown or replaced code.</summary>
    public async Task<StoreView?> FindStoreAsync(string storeToken, CancellationToken cancellationToken = default)
    {
        if (!CheckoutToken.IsWellFormed(storeToken))
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Merchants.AsNoTracking()
            .Where(m => m.StoreToken == storeToken)
            .Select(m => new { m.Id, m.Name, m.CurrencyCode, m.AccentColor, m.LogoUpdatedAt, m.StoreCodeOffSince, m.MaxCheckoutMinorUnits })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new StoreView(found.Name, found.CurrencyCode, Domain.Common.Currency.FromCode(found.CurrencyCode).MinorUnits,
                found.AccentColor, Branding.LogoUrls.Of(found.Id, found.LogoUpdatedAt), found.StoreCodeOffSince is not null,
                found.MaxCheckoutMinorUnits);
    }

    /// <summary>Whether a store code was replaced by its owner: its printed copies should say so, not look mistyped.</summary>
    public async Task<bool> IsReplacedStoreCodeAsync(string storeToken, CancellationToken cancellationToken = default)
    {
        if (!CheckoutToken.IsWellFormed(storeToken))
        {
            return false;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RetiredStoreCodes.AnyAsync(c => c.Token == storeToken, cancellationToken);
    }
}
