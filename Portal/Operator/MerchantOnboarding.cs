using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Addresses;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Rails;
using Portal.Invitations;
using Portal.Rails;

namespace Portal.Operator;

/// <summary>
/// The platform operator's work: list merchants, create one with its settlement account and invite its first owner.
/// Every call checks the operator claim itself, so the service is safe whichever page calls it. The settlement account
/// is opened through the rail, over its signed API; a rail that opens no accounts (a real acquirer, where they live)
/// answers so, and the number is only recorded.
/// </summary>
public sealed class MerchantOnboarding(
    IDbContextFactory<PortalDbContext> contexts,
    InvitationSender invitations,
    AuthenticationStateProvider authentication,
    OperatorAudit audit,
    TimeProvider time,
    ISettlementAccountOpener? settlementAccounts = null)
{
    public async Task<IReadOnlyList<OperatorMerchant>> ListAsync(CancellationToken cancellationToken = default)
    {
        await RequireOperatorAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var merchants = await db.Merchants.AsNoTracking()
            .Select(m => new
            {
                m.Id, m.Name, m.City, m.CurrencyCode, m.SettlementAccount, m.CreatedAt,
                Staff = db.Users.Count(u => u.MerchantId == m.Id),
            })
            .OrderByDescending(m => m.CreatedAt)
            .ToListAsync(cancellationToken);
        return merchants.Select(m => new OperatorMerchant(m.Id, m.Name, m.City, m.CurrencyCode,
            AccountNumber.Mask(m.SettlementAccount), m.Staff, m.CreatedAt)).ToList();
    }

    /// <summary>
    /// Creates the merchant and invites its first owner. All input is checked before anything is written; the settlement
    /// account is then opened at the rail when it is not there yet (an existing one must be a merchant account in the
    /// merchant's currency). Opening is safe to repeat, so a merchant not saved after it can simply be created again.
    /// </summary>
    public async Task<OnboardedMerchant> CreateAsync(NewMerchantModel model, PublicLinks links, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var @operator = await RequireOperatorAsync();
        var now = time.GetUtcNow();

        var errors = new ValidationErrors();
        if (!Currency.TryFind(model.CurrencyCode, out var currency))
        {
            errors.Add(nameof(NewMerchantModel.CurrencyCode), "Choose a currency.");
        }
        if (!AccountNumber.TryParse(model.SettlementAccount, out var account))
        {
            errors.Add(nameof(NewMerchantModel.SettlementAccount), "An account number has 12 to 19 digits.");
        }
        var ownerEmail = model.OwnerEmail?.Trim() ?? "";
        if (!StaffInvitation.IsEmailAddress(ownerEmail))
        {
            errors.Add(nameof(NewMerchantModel.OwnerEmail), "Enter the owner's email address, e.g. owner@shop.example.");
        }
        errors.ThrowIfAny();

        Merchant merchant;
        try
        {
            merchant = Merchant.Create(model.Name ?? "", model.City ?? "", currency, account, now);
        }
        catch (DomainValidationException invalid)
        {
            throw new DomainValidationException(invalid.Errors.ToDictionary(
                e => e.Key == nameof(Merchant.Name) ? nameof(NewMerchantModel.Name) : e.Key, e => e.Value));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Merchants.AnyAsync(m => m.Name == merchant.Name, cancellationToken))
        {
            errors.Add(nameof(NewMerchantModel.Name), "A merchant with this name exists already.");
        }
        if (await db.Merchants.AnyAsync(m => m.SettlementAccount == merchant.SettlementAccount, cancellationToken))
        {
            errors.Add(nameof(NewMerchantModel.SettlementAccount), "Another merchant settles into this account.");
        }
        var normalizedOwner = ownerEmail.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedOwner, cancellationToken))
        {
            errors.Add(nameof(NewMerchantModel.OwnerEmail), "Someone with this email already has a Portal account.");
        }
        errors.ThrowIfAny();
        if (settlementAccounts is not null)
        {
            SettlementAccountOpening opening;
            try
            {
                opening = await settlementAccounts.OpenSettlementAccountAsync(account, merchant.Name, currency, cancellationToken);
            }
            catch (RailUnavailableException)
            {
                throw new DomainValidationException(nameof(NewMerchantModel.SettlementAccount),
                    "The bank could not be reached to open this account; nothing was saved. Try again.");
            }
            if (opening == SettlementAccountOpening.Refused)
            {
                errors.Add(nameof(NewMerchantModel.SettlementAccount),
                    $"This account exists at the bank but is not a merchant account in {currency.Code}.");
            }
        }
        errors.ThrowIfAny();

        db.Merchants.Add(merchant);
        await db.SaveChangesAsync(cancellationToken);
        var invitation = await invitations.SendAsync(merchant.Id, ownerEmail, StaffRole.Owner, OperatorEmail(@operator), links, cancellationToken);
        await audit.RecordAsync(@operator, OperatorAuditActions.MerchantOnboarded,
            $"Created merchant {merchant.Name} ({merchant.City}, {currency.Code}) and invited its owner {ownerEmail}", "Merchant",
            merchant.Id.ToString(), new { settlementAccount = AccountNumber.Mask(merchant.SettlementAccount), owner = ownerEmail },
            cancellationToken);
        return new OnboardedMerchant(merchant.Id, merchant.Name, invitation);
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> RequireOperatorAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return OperatorAudit.IsOperator(user) ? user : throw new ForbiddenException("Only the platform operator manages merchants.");
    }

    private static string OperatorEmail(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? user.Identity?.Name ?? "operator";
}
