using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.ApiKeys;

namespace Portal.Production;

/// <summary>
/// What the Development demo leaves in a database that must never serve customers: the sample shop's API key, whose
/// secret is published in this repository, and demo sign-ins that still have the published password. A database
/// seeded once in Development and then deployed would let anyone in.
/// </summary>
public static class DemoRows
{
    /// <summary>A sentence per kind of demo row found; none in a clean database. Needs the schema current.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);
        var problems = new List<string>();
        if (await HasSampleKeyAsync(db, cancellationToken))
        {
            problems.Add($"The database holds the sample shop's API key '{DemoData.DemoShopApiKeyName}', whose secret is published " +
                         "with Portal (the Development demo seeded it); deploy on a fresh database, or revoke that key.");
        }
        var staff = await DemoSignInsAsync(db, services.GetRequiredService<IPasswordHasher<PortalUser>>(), cancellationToken);
        if (staff.Count > 0)
        {
            problems.Add($"The database holds demo sign-ins that still have the published demo password ({string.Join(", ", staff)}; " +
                         "the Development demo seeded them); deploy on a fresh database, or change or remove these sign-ins.");
        }
        return problems;
    }

    private static async Task<bool> HasSampleKeyAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        ApiKey.TryReadId(DemoData.DemoShopApiKeySecret, out var keyId);
        return await db.ApiKeys.AnyAsync(k => k.Id == keyId && k.RevokedAt == null, cancellationToken);
    }

    private static async Task<List<string>> DemoSignInsAsync(PortalDbContext db, IPasswordHasher<PortalUser> hasher,
        CancellationToken cancellationToken)
    {
        // Identity stores emails normalized to upper case (UpperInvariantLookupNormalizer).
        var domain = DemoData.EmailDomain.ToUpperInvariant();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail!.EndsWith(domain) && u.PasswordHash != null)
            .OrderBy(u => u.NormalizedEmail)
            .ToListAsync(cancellationToken);
        return users
            .Where(u => hasher.VerifyHashedPassword(u, u.PasswordHash!, DemoData.Password) != PasswordVerificationResult.Failed)
            .Select(u => u.Email ?? u.UserName ?? u.Id)
            .ToList();
    }
}
