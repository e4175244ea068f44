using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.ApiKeys;
using Portal.Domain.Common;

namespace Portal.Admin.ApiKeys;

/// <summary>
/// An owner's API keys: listed, issued (the secret is returned once and never stored), revoked. Always the signed-in
/// owner's own merchant; every change goes to the audit log.
/// </summary>
public sealed class ApiKeyActions(CurrentStaff currentStaff, IDbContextFactory<PortalDbContext> contexts, IAuditLog audit,
    TimeProvider time)
{
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        var staff = await RequireOwnerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking()
            .Where(k => k.MerchantId == staff.MerchantId)
            .OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    public async Task<IssuedApiKey> CreateAsync(string name, ApiScopes scopes)
    {
        var staff = await RequireOwnerAsync();
        var issued = ApiKey.Issue(staff.MerchantId, name, scopes, staff.Email, time.GetUtcNow());
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.ApiKeys.Add(issued.Key);
            await db.SaveChangesAsync();
        }
        await audit.RecordAsync(staff, AuditActions.ApiKeyCreated,
            $"Created API key \"{issued.Key.Name}\" ({string.Join(", ", ApiScope.Names(scopes))})",
            "ApiKey", issued.Key.Id.ToString(), new { issued.Key.Name, issued.Key.Hint, scopes = ApiScope.Names(scopes) });
        return issued;
    }

    public async Task<ApiKey> RevokeAsync(Guid keyId)
    {
        var staff = await RequireOwnerAsync();
        await using var db = await contexts.CreateDbContextAsync();
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.MerchantId == staff.MerchantId)
            ?? throw new NotFoundException("API key");
        if (!key.IsActive)
        {
            return key;
        }
        key.Revoke(staff.Email, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The key was changed meanwhile.", ex);
        }
        await audit.RecordAsync(staff, AuditActions.ApiKeyRevoked, $"Revoked API key \"{key.Name}\"", "ApiKey", key.Id.ToString(),
            new { key.Name, key.Hint });
        return key;
    }

    private async Task<Identity.StaffMember> RequireOwnerAsync()
    {
        var staff = await currentStaff.GetAsync();
        return staff.CanManageMerchant ? staff : throw new ForbiddenException("Only an owner manages API keys.");
    }
}
