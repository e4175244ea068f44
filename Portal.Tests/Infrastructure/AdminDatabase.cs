using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Admin;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Identity;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A migrated database (SQLite unless asked otherwise) with two CNY merchants, for tests of the admin queries and of
/// components that read through them: the real database and the real queries, signed in as a staff member of either merchant.
/// </summary>
public sealed class AdminDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    public static readonly DateTimeOffset Created = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly PortalDatabase _database;

    private AdminDatabase(PortalDatabase database) => _database = database;

    public Merchant Demo { get; private set; } = default!;

    public Merchant Other { get; private set; } = default!;

    public static async Task<AdminDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = new AdminDatabase(await PortalDatabase.CreateMigratedAsync(provider));
        await using var db = database.CreateDbContext();
        database.Demo = Merchant.Create("Demo Shop", "Shanghai", Currency.CNY, AccountNumber.Parse("8800000000000001"), Created);
        database.Other = Merchant.Create("Other Shop", "Beijing", Currency.CNY, AccountNumber.Parse("8800000000000002"), Created);
        db.Merchants.AddRange(database.Demo, database.Other);
        await db.SaveChangesAsync();
        return database;
    }

    public PortalDbContext CreateDbContext() => _database.CreateDbContext();

    /// <summary>The settings that point Portal (or a context of the test's own) at this database.</summary>
    public IReadOnlyDictionary<string, string> Settings => _database.Settings;

    /// <summary>A staff member of <paramref name="merchant"/>, as the admin queries find them.</summary>
    public static CurrentStaff StaffOf(Merchant merchant, StaffRole role = StaffRole.Viewer, string? userId = null) =>
        new(new SignedIn(SignedInAs(merchant, role, userId)));

    public static AuthenticationStateProvider AuthenticationOf(Merchant merchant, StaffRole role = StaffRole.Viewer) =>
        new SignedIn(SignedInAs(merchant, role, null));

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static ClaimsPrincipal SignedInAs(Merchant merchant, StaffRole role, string? userId) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, userId ?? $"user-{merchant.Id:N}"),
        new Claim(ClaimTypes.Email, "staff@shop.test"),
        new Claim(ClaimTypes.Role, role.ToString()),
        new Claim(PortalClaims.MerchantId, merchant.Id.ToString()),
    ], "Test"));

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
