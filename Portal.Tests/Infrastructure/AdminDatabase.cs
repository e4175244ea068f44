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
/// A migrated SQLite file with two CNY merchants, for tests of the admin queries and of components that read through
/// them: the real database and the real queries, signed in as a staff member of either merchant.
/// </summary>
public sealed class AdminDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    public static readonly DateTimeOffset Created = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"portal-admin-{Guid.NewGuid():N}.db");
    private readonly DbContextOptions<SqlitePortalDbContext> _options;

    private AdminDatabase()
    {
        _options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={_file}").Options;
    }

    public Merchant Demo { get; private set; } = default!;

    public Merchant Other { get; private set; } = default!;

    public static async Task<AdminDatabase> CreateAsync()
    {
        var database = new AdminDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        database.Demo = Merchant.Create("Demo Shop", "Shanghai", Currency.CNY, AccountNumber.Parse("8800000000000001"), Created);
        database.Other = Merchant.Create("Other Shop", "Beijing", Currency.CNY, AccountNumber.Parse("8800000000000002"), Created);
        db.Merchants.AddRange(database.Demo, database.Other);
        await db.SaveChangesAsync();
        return database;
    }

    public PortalDbContext CreateDbContext() => new SqlitePortalDbContext(_options);

    /// <summary>A staff member of <paramref name="merchant"/>, as the admin queries find them.</summary>
    public static CurrentStaff StaffOf(Merchant merchant, StaffRole role = StaffRole.Viewer) => new(new SignedIn(SignedInAs(merchant, role)));

    public static AuthenticationStateProvider AuthenticationOf(Merchant merchant, StaffRole role = StaffRole.Viewer) =>
        new SignedIn(SignedInAs(merchant, role));

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return ValueTask.CompletedTask;
    }

    private static ClaimsPrincipal SignedInAs(Merchant merchant, StaffRole role) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, $"user-{merchant.Id:N}"),
        new Claim(ClaimTypes.Email, "staff@shop.test"),
        new Claim(ClaimTypes.Role, role.ToString()),
        new Claim(PortalClaims.MerchantId, merchant.Id.ToString()),
    ], "Test"));

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
